package org.opengovdata.common.representation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Chooses the representation of a read: an explicit {@code format} parameter wins, otherwise the
 * {@code Accept} header (by quality, then order), otherwise the first one offered (JSON).
 */
public final class Representations {

  public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
  public static final MediaType APPLICATION_LD_JSON =
      MediaType.parseMediaType("application/ld+json");

  private Representations() {}

  /**
   * @param explicit the media type named by a {@code format} parameter, or null
   * @param accept the {@code Accept} header, or null
   * @param offered what the resource can produce, the default first
   */
  public static MediaType choose(MediaType explicit, String accept, List<MediaType> offered) {
    if (explicit != null) {
      return explicit;
    }
    if (accept == null || accept.isBlank()) {
      return offered.get(0);
    }
    List<MediaType> accepted;
    try {
      accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      return offered.get(0);
    }
    // Stable sort: higher quality first, the client's order among equals.
    accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType wanted : accepted) {
      if (wanted.getQualityValue() <= 0) {
        continue;
      }
      for (MediaType candidate : offered) {
        if (wanted.includes(candidate) && !wanted.isWildcardType()) {
          return candidate;
        }
      }
      if (wanted.isWildcardType()) {
        return offered.get(0);
      }
    }
    return offered.get(0);
  }
}
