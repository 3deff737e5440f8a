package dev.supervisor4j.http.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.MediaTypes;

/**
 * The console's static files, read from the jar once at startup (a few kilobytes), served under
 * {@code /console/}. No CDN and no build step: the page works on an air-gapped host.
 */
final class Assets {
  /** One file and its type. */
  record Asset(ContentType type, byte[] body) {}

  private static final Map<String, ContentType> FILES = Map.of(
      "console.css", MediaTypes.TEXT_CSS.toContentType(HttpCharsets.UTF_8),
      "console.js", MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8),
      "tail.js", MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8),
      "history.js", MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8),
      "icon.svg", MediaTypes.IMAGE_SVG_XML.toContentType());

  private final Map<String, Asset> assets;

  private Assets(Map<String, Asset> assets) {
    this.assets = Map.copyOf(assets);
  }

  static Assets load() {
    Map<String, Asset> loaded = new HashMap<>();
    FILES.forEach((name, type) -> {
      try (InputStream in = Assets.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + name + " next to " + Assets.class.getName());
        }
        loaded.put(name, new Asset(type, in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return new Assets(loaded);
  }

  Optional<Asset> get(String name) {
    return Optional.ofNullable(assets.get(name));
  }
}
