package org.opengovdata.search.policy.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumbers;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.region.RegionTree;
import org.opengovdata.search.text.ChineseText;
import org.springframework.stereotype.Component;

/** Turns a catalog policy into its index document: folding, segmentation, regions, completions. */
@Component
public class PolicyDocuments {

  /**
   * Title completions start at the title's beginning and at up to this many later words, counted
   * from the subject: after 关于 when the title has it (内蒙古自治区人民政府关于做好…的通知 completes from 做好, 2024,
   * 财政, 预算), else from the beginning. Every input is another path in the completion automaton that
   * Elasticsearch builds when it indexes the document, so they are few.
   */
  static final int TITLE_COMPLETION_STARTS = 4;

  private static final String ABOUT = "关于";

  private static final LocalDate WEIGHT_EPOCH = LocalDate.of(1949, 10, 1);

  private final ChineseText text;
  private final RegionTree regions;
  private final PolicyClock clock;

  public PolicyDocuments(ChineseText text, RegionTree regions, PolicyClock clock) {
    this.text = text;
    this.regions = regions;
    this.clock = clock;
  }

  public PolicyDocument toDocument(Policy policy) {
    PolicyDocument.Text title = text(policy.title(), true);
    PolicyDocument.Number number = number(policy.documentNumber());
    return new PolicyDocument(
        policy.id().toString(),
        policy.version(),
        title,
        text(policy.body(), false),
        text(
            policy.interpretations().stream()
                .map(Policy.Interpretation::title)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n")),
            false),
        text(
            policy.attachments().stream()
                .map(Policy.Attachment::extractedText)
                .filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining("\n")),
            false),
        number,
        policy.indexNumber(),
        policy.issuer(),
        policy.documentType(),
        policy.subject(),
        policy.regionCode(),
        policy.regionCode() == null ? List.of() : regions.lineage(policy.regionCode()),
        validityOn(clock.today(), policy).name(),
        iso(policy.writtenDate()),
        iso(policy.publishedDate()),
        iso(policy.effectiveDate()),
        iso(policy.expiryDate()),
        inForce(policy),
        policy.replacedBy() == null
            ? null
            : new PolicyDocument.Reference(
                policy.replacedBy().id() == null ? null : policy.replacedBy().id().toString(),
                policy.replacedBy().documentNumber(),
                policy.replacedBy().title()),
        new PolicyDocument.Suggest(
            titleCompletion(title.text(), title.words(), policy),
            number == null || number.key() == null
                ? null
                : new PolicyDocument.Completion(
                    List.of(completionInput(number.key())), weight(policy.publishedDate()))));
  }

  private PolicyDocument.Text text(String raw, boolean keepOriginal) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String folded = text.fold(raw);
    return new PolicyDocument.Text(
        folded, text.words(folded), keepOriginal && !folded.equals(raw) ? raw : null);
  }

  /**
   * The number read by the platform's one parser (canonical spelling, form-independent key, parts);
   * a number it cannot read keeps its text for display, without key or parts.
   */
  static PolicyDocument.Number number(Policy.IssuedNumber number) {
    if (number == null) {
      return null;
    }
    String written = number.canonical() != null ? number.canonical() : number.asWritten();
    if (written == null) {
      return null;
    }
    return DocumentNumbers.tryParse(written)
        .map(
            (DocumentNumber n) ->
                new PolicyDocument.Number(
                    n.canonical(),
                    n.key(),
                    number.asWritten(),
                    n.issuerCode(),
                    n.year(),
                    n.serial()))
        .orElse(new PolicyDocument.Number(written, null, number.asWritten(), null, null, null));
  }

  /**
   * The validity on {@code day}: a document the catalog called valid is 失效 (expired) from its
   * expiry date on — the catalog's own rule ({@code Validity.on}) — so that an index written before
   * that day can be corrected without an event ({@link PolicyExpiry}).
   */
  public static Policy.Validity validityOn(LocalDate day, Policy policy) {
    if (policy.validity() == Policy.Validity.VALID
        && policy.expiryDate() != null
        && !day.isBefore(policy.expiryDate())) {
      return Policy.Validity.EXPIRED;
    }
    return policy.validity();
  }

  /** What number completions match: the key without its last 号, so 内政发〔2024〕1 completes 12号. */
  public static String completionInput(String key) {
    return key.endsWith("号") ? key.substring(0, key.length() - 1) : key;
  }

  /**
   * In force from the effective date (else the publication) up to the day before the expiry date —
   * the expiry date is the first day a document no longer applies, as in the catalog's validity. A
   * document no longer valid without a known end date gets no range: it is in force on no date.
   */
  private static PolicyDocument.DateRange inForce(Policy policy) {
    LocalDate from =
        policy.effectiveDate() != null ? policy.effectiveDate() : policy.publishedDate();
    if (from == null) {
      from = policy.writtenDate();
    }
    if (from == null) {
      return null;
    }
    if (policy.expiryDate() != null) {
      LocalDate lastDay = policy.expiryDate().minusDays(1);
      return lastDay.isBefore(from) ? null : new PolicyDocument.DateRange(iso(from), iso(lastDay));
    }
    return policy.validity() == Policy.Validity.VALID
        ? new PolicyDocument.DateRange(iso(from), null)
        : null;
  }

  private PolicyDocument.Completion titleCompletion(String folded, String words, Policy policy) {
    if (folded == null) {
      return null;
    }
    Set<String> inputs = new LinkedHashSet<>();
    inputs.add(folded);
    // also from later words, so that 财政预算 completes 关于做好2024年财政预算公开工作的通知
    List<String> tokens = words.isEmpty() ? List.of() : List.of(words.split(" "));
    int about = folded.indexOf(ABOUT);
    int subject = about < 0 ? 1 : about + ABOUT.length();
    int searchFrom = 0;
    List<Integer> starts = new ArrayList<>();
    for (String token : tokens) {
      int at = folded.indexOf(token, searchFrom);
      if (at < 0) {
        continue;
      }
      searchFrom = at + token.length();
      if (at >= subject && token.length() > 1 && !starts.contains(at)) {
        starts.add(at);
      }
    }
    starts.stream().limit(TITLE_COMPLETION_STARTS).forEach(at -> inputs.add(folded.substring(at)));
    return new PolicyDocument.Completion(List.copyOf(inputs), weight(policy.publishedDate()));
  }

  /** Newer documents complete first: the weight grows by one per day. */
  private static int weight(LocalDate published) {
    if (published == null) {
      return 1;
    }
    return (int) Math.max(1, published.toEpochDay() - WEIGHT_EPOCH.toEpochDay());
  }

  private static String iso(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
