package dev.supervisor4j.ctl.rpc;

/**
 * A log stream ({@code /logtail}, {@code /mainlogtail}) answered with a status other than 200.
 * supervisorctl prints {@code <url> Cannot read, status code N} to stderr and carries on.
 */
public final class HttpStatusError extends RuntimeException {
  private final String url;
  private final int status;

  public HttpStatusError(String url, int status) {
    super("Cannot read, status code " + status, null, false, false);
    this.url = url;
    this.status = status;
  }

  /** serverurl + path, as supervisorctl prints it. */
  public String url() {
    return url;
  }

  public int status() {
    return status;
  }
}
