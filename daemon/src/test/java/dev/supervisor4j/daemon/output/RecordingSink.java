package dev.supervisor4j.daemon.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A test sink that keeps what it got, and the order of writes and EOFs in a shared journal. */
final class RecordingSink implements OutputSink {
  private final String tag;
  private final List<String> journal;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private int eofs;
  private int writes;

  RecordingSink(String tag, List<String> journal) {
    this.tag = tag;
    this.journal = journal;
  }

  RecordingSink() {
    this("", new ArrayList<>());
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    bytes.write(buf, off, len);
    writes++;
    journal.add(tag + ":" + new String(buf, off, len, StandardCharsets.ISO_8859_1));
  }

  @Override
  public void eof() {
    eofs++;
    journal.add(tag + ":EOF");
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }

  String text() {
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  int eofs() {
    return eofs;
  }

  int writes() {
    return writes;
  }
}
