package dev.supervisor4j.daemon.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * supervisord's main-log line: {@code YYYY-MM-DD HH:MM:SS,mmm LEVL message} + newline, in local time.
 * The message is written as-is (embedded newlines get no prefix). A throwable, which supervisord's
 * own records never carry, is appended after the message so a bug in our code is not lost.
 *
 * <p>The {@code YYYY-MM-DD HH:MM:SS} part is cached per second, so a record costs one small string
 * build, not a date formatting.
 */
final class SupervisorLayout extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private volatile CachedSecond cached = new CachedSecond(Long.MIN_VALUE, ZoneId.systemDefault(), "");

  private record CachedSecond(long epochSecond, ZoneId zone, String text) {}

  @Override
  public String doLayout(ILoggingEvent event) {
    String message = text(event);
    return appendPrefix(new StringBuilder(30 + message.length()), event).append(message).append('\n')
        .toString();
  }

  /** The part before the message: {@code YYYY-MM-DD HH:MM:SS,mmm LEVL } (with the space). */
  String prefix(ILoggingEvent event) {
    return appendPrefix(new StringBuilder(30), event).toString();
  }

  private StringBuilder appendPrefix(StringBuilder sb, ILoggingEvent event) {
    long millis = event.getTimeStamp();
    sb.append(secondsText(Math.floorDiv(millis, 1000L))).append(',');
    int ms = (int) Math.floorMod(millis, 1000L);
    if (ms < 100) {
      sb.append(ms < 10 ? "00" : "0");
    }
    return sb.append(ms).append(' ').append(SupervisorLevels.of(event).label()).append(' ');
  }

  /** The message, and the throwable after it if there is one. */
  static String text(ILoggingEvent event) {
    String message = String.valueOf(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    return thrown == null ? message : message + '\n' + ThrowableProxyUtil.asString(thrown);
  }

  private String secondsText(long epochSecond) {
    ZoneId zone = ZoneId.systemDefault(); // the TZ may change at restart; cheap to ask
    CachedSecond c = cached;
    if (c.epochSecond() != epochSecond || !c.zone().equals(zone)) {
      String text = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone).format(SECONDS);
      c = new CachedSecond(epochSecond, zone, text);
      cached = c;
    }
    return c.text();
  }
}
