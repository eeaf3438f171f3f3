package org.opengovdata.search.support;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.policy.source.Policy.Validity;

/** Builds test policies: sensible defaults, change what a test is about. */
public final class Policies {

  private Policies() {}

  public static Builder policy(String title) {
    return new Builder(title);
  }

  /** A mutable builder; {@link #build} makes the record. */
  public static final class Builder {
    UUID id = UUID.randomUUID();
    long version = 1;
    String title;
    String number = null;
    String issuer = "内蒙古自治区人民政府";
    String documentType = "通知";
    String subject = "综合政务";
    String regionCode = "150000";
    LocalDate written = LocalDate.of(2024, 3, 1);
    LocalDate published = LocalDate.of(2024, 3, 5);
    LocalDate effective = null;
    LocalDate expiry = null;
    Validity validity = Validity.VALID;
    Policy.Reference replacedBy = null;
    String body = "";
    List<Policy.Attachment> attachments = List.of();
    List<Policy.Interpretation> interpretations = List.of();

    Builder(String title) {
      this.title = title;
    }

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    public Builder version(long version) {
      this.version = version;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder number(String number) {
      this.number = number;
      return this;
    }

    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder type(String type) {
      this.documentType = type;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder region(String code) {
      this.regionCode = code;
      return this;
    }

    public Builder published(LocalDate date) {
      this.published = date;
      this.written = date.minusDays(3);
      return this;
    }

    public Builder effective(LocalDate date) {
      this.effective = date;
      return this;
    }

    public Builder expiry(LocalDate date) {
      this.expiry = date;
      return this;
    }

    public Builder validity(Validity validity) {
      this.validity = validity;
      return this;
    }

    public Builder replacedBy(Policy replacement) {
      this.replacedBy =
          new Policy.Reference(
              replacement.id(),
              replacement.documentNumber() == null
                  ? null
                  : replacement.documentNumber().asWritten(),
              replacement.title());
      return this;
    }

    public Builder body(String body) {
      this.body = body;
      return this;
    }

    public Builder attachmentText(String text) {
      this.attachments =
          List.of(
              new Policy.Attachment(
                  UUID.randomUUID(), "附件1.pdf", "application/pdf", 1024, "00", text));
      return this;
    }

    public Builder interpretation(String title) {
      this.interpretations =
          List.of(new Policy.Interpretation(UUID.randomUUID(), title, "解读正文", published));
      return this;
    }

    public Policy build() {
      return new Policy(
          id,
          version,
          title,
          number == null ? null : new Policy.IssuedNumber(null, number, null, null, null),
          "000014349/2024-00094",
          issuer,
          documentType,
          subject,
          regionCode,
          written,
          published,
          effective,
          expiry,
          validity,
          replacedBy,
          body,
          attachments,
          interpretations);
    }
  }
}
