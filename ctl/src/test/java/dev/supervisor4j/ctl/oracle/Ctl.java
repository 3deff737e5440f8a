package dev.supervisor4j.ctl.oracle;

import dev.supervisor4j.ctl.SupervisorCtl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Python's supervisorctl and ours with the same arguments, and normalises what differs by nature. */
final class Ctl {
  private Ctl() {}

  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    Result normalised() {
      return new Result(code, normalise(out), normalise(err));
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  static final String PROGNAME = RealSupervisord.SUPERVISORCTL.toString();

  /** Python's supervisorctl with {@code -c <conf>} first, stdin empty. */
  static Result python(RealSupervisord d, List<String> args) throws Exception {
    return python(d, args, "");
  }

  static Result python(RealSupervisord d, List<String> args, String stdin) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(PROGNAME);
    cmd.add("-c");
    cmd.add(d.conf.toString());
    cmd.addAll(args);
    return process(cmd, stdin, d.dir);
  }

  /** Ours, in this JVM, with the same argv and progname. */
  static Result ours(RealSupervisord d, List<String> args) {
    return ours(d, args, "");
  }

  static Result ours(RealSupervisord d, List<String> args, String stdin) {
    List<String> argv = new ArrayList<>();
    argv.add("-c");
    argv.add(d.conf.toString());
    argv.addAll(args);
    return oursRaw(argv, stdin);
  }

  static Result oursRaw(List<String> argv, String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SupervisorCtl.run(argv, PROGNAME, System.getenv(),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result pythonRaw(List<String> argv, String stdin, Path dir) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(PROGNAME);
    cmd.addAll(argv);
    return process(cmd, stdin, dir);
  }

  private static Result process(List<String> cmd, String stdin, Path dir) throws Exception {
    File out = Files.createTempFile(dir, "out", ".txt").toFile();
    File err = Files.createTempFile(dir, "err", ".txt").toFile();
    Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    Result r = new Result(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    out.delete();
    err.delete();
    return r;
  }

  /**
   * Replaces what legitimately differs between two runs a moment apart, or between Python and Java
   * by nature: uptimes, stop dates, and the source location of the generic error line.
   */
  static String normalise(String s) {
    return s.replaceAll("uptime [0-9: day,s]+?(?=\\n|$)", "uptime <T>")
        .replaceAll("[A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2} [AP]M", "<DATE>")
        .replaceAll(": file: \\S+ line: \\d+", ": file: <F> line: <N>");
  }
}
