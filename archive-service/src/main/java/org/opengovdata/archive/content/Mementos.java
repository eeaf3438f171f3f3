package org.opengovdata.archive.content;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opengovdata.archive.record.ArchiveVersion;

/** Memento (RFC 7089) links of a record, as Fedora 6 gives them: path-absolute, proxy-safe. */
final class Mementos {

  static final String LINK_FORMAT = "application/link-format";
  private static final String BASE = "/api/v1/archive/records/";

  private Mementos() {}

  static String original(UUID recordId) {
    return BASE + recordId + "/content";
  }

  static String timemap(UUID recordId) {
    return BASE + recordId + "/timemap";
  }

  static String memento(UUID recordId, int version) {
    return BASE + recordId + "/versions/" + version + "/content";
  }

  /** The {@code Link} header of a memento or of the TimeGate's answer. */
  static String links(ArchiveVersion served) {
    UUID id = served.recordId();
    return "<%s>; rel=\"original timegate\", <%s>; rel=\"timemap\"; type=\"%s\", <%s>; rel=\"memento\"; datetime=\"%s\""
        .formatted(
            original(id),
            timemap(id),
            LINK_FORMAT,
            memento(id, served.version()),
            HttpDates.format(served.created()));
  }

  /** The TimeMap in {@code application/link-format} (RFC 6690), oldest memento first. */
  static String timeMap(UUID recordId, List<ArchiveVersion> versions) {
    List<String> links = new ArrayList<>();
    links.add("<%s>;rel=\"original timegate\"".formatted(original(recordId)));
    String self = "<%s>;rel=\"self\";type=\"%s\"".formatted(timemap(recordId), LINK_FORMAT);
    if (!versions.isEmpty()) {
      self +=
          ";from=\"%s\";until=\"%s\""
              .formatted(
                  HttpDates.format(versions.get(0).created()),
                  HttpDates.format(versions.get(versions.size() - 1).created()));
    }
    links.add(self);
    for (int i = 0; i < versions.size(); i++) {
      ArchiveVersion v = versions.get(i);
      String rel = (i == 0 ? "first " : "") + (i == versions.size() - 1 ? "last " : "") + "memento";
      links.add(
          "<%s>;rel=\"%s\";datetime=\"%s\""
              .formatted(memento(recordId, v.version()), rel, HttpDates.format(v.created())));
    }
    return String.join(",\n", links) + "\n";
  }
}
