package org.opengovdata.catalog.policy.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opengovdata.catalog.policy.screening.PersonalDataFinding.Kind.MOBILE_NUMBER;
import static org.opengovdata.catalog.policy.screening.PersonalDataFinding.Kind.RESIDENT_ID_NUMBER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resident ID and mobile numbers in policy text. The ID fixtures' check characters were computed
 * independently of this code (ISO 7064 MOD 11-2 by hand in a script), so the tests do not check the
 * implementation against itself.
 */
class PersonalDataScreeningTest {

  /** "Today" is 2026-11-28 in China for every birth-date check. */
  private final PersonalDataScreening screening =
      new PersonalDataScreening(
          Clock.fixed(
              LocalDate.of(2026, 11, 28).atTime(12, 0).toInstant(ZoneOffset.ofHours(8)),
              ZoneId.of("Asia/Shanghai")));

  // ---- resident ID numbers ----

  @Test
  void anIdNumberWithAValidCheckDigitIsAFinding() {
    List<PersonalDataFinding> findings = screening.screen("身份证号150102199003071237。");

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(RESIDENT_ID_NUMBER);
              assertThat(f.offset()).isEqualTo(4);
              assertThat(f.length()).isEqualTo(18);
              assertThat(f.masked()).isEqualTo("1501**********1237");
              assertThat(f.describe()).isEqualTo("居民身份证号码 1501**********1237 at line 1, column 5");
            });
  }

  @Test
  void anEighteenDigitStringWithAWrongCheckDigitIsNotAFinding() {
    assertThat(screening.screen("身份证号150102199003071234。")).isEmpty();
    assertThat(screening.isClean("编号150102199003071234")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "150102199003071237", // 呼和浩特新城区, 1990-03-07
        "11010519491231002X", // check character X
        "11010519491231002x", // written in lower case
        "１５０１０２１９９００３０７１２３７", // full-width digits
        "152601198511110026", // 乌兰察布 (old league code, still valid in old numbers)
        "150627197001015915", // 伊金霍洛旗
        "150102202611281232", // born today
        "915156199003071232", // foreigner's permanent residence ID (2023): 9 + province 15
        "830000199003071230", // Taiwan resident's residence permit
        "150102 19900307 1237", // grouped 6-8-4
        "150102-19900307-1237"
      })
  void idNumbersAreFoundHoweverTheyAreWritten(String id) {
    assertThat(screening.screen("持证人 " + id + " 已登记"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(RESIDENT_ID_NUMBER);
              assertThat(f.offset()).isEqualTo(4);
              assertThat(f.length()).isEqualTo(id.length());
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "150102199003071234", // wrong check digit
        "990102199003071233", // valid check digit, no province 99
        "150102202611291238", // valid check digit, born tomorrow
        "15010219900230123X", // valid check digit, 30 February
        "150102189912311235", // valid check digit, born 1899
        "1150102199003071237", // a valid number inside a 19-digit run
        "1501021990030712370", // … and at the start of one
        "15010219900307123" // 17 digits
      })
  void digitsThatAreNotAnIdNumberAreNotFindings(String digits) {
    assertThat(screening.screen("编号：" + digits + "。")).isEmpty();
  }

  // ---- mobile numbers ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "13812345678",
        "19912345678",
        "138 1234 5678",
        "138-1234-5678",
        "+8613812345678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "8613812345678",
        "0086 13812345678",
        "(+86)13812345678",
        "（+86）138-1234-5678",
        "１３８１２３４５６７８",
        "＋８６　１３８１２３４５６７８"
      })
  void mobileNumbersAreFoundHoweverTheyAreWritten(String mobile) {
    assertThat(screening.screen("联系电话：" + mobile + "，欢迎来电"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(MOBILE_NUMBER);
              assertThat(f.offset()).isEqualTo(5);
              assertThat(f.length()).isEqualTo(mobile.length());
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "12812345678", // no such network: 12x
        "10086", // a service number
        "1381234567", // 10 digits
        "138123456789", // 12 digits
        "213812345678", // inside a longer run
        "0471-6612345", // a landline in Hohhot
        "0471-13812345", // area code and 8 digits
        "2024年13812345元" // 8 digits only
      })
  void otherNumbersAreNotMobileNumbers(String text) {
    assertThat(screening.screen("电话 " + text + " 。")).isEmpty();
  }

  // ---- positions and masking ----

  @Test
  void findingsCarryLineAndColumnAcrossLineEndingsAndWideCharacters() {
    String text = "内蒙古自治区财政厅\r\n" + "经办人：张三\n" + "电话：13812345678\r" + "😀身份证：11010519491231002X";

    List<PersonalDataFinding> findings = screening.screen(text);

    assertThat(findings)
        .extracting(
            PersonalDataFinding::kind,
            PersonalDataFinding::line,
            PersonalDataFinding::column,
            PersonalDataFinding::masked)
        .containsExactly(
            tuple(MOBILE_NUMBER, 3, 4, "138****5678"),
            tuple(RESIDENT_ID_NUMBER, 4, 6, "1101**********002X"));
    for (PersonalDataFinding f : findings) {
      assertThat(text.substring(f.offset(), f.end())).hasSize(f.length()).doesNotContain("：");
    }
    assertThat(text.substring(findings.get(1).offset(), findings.get(1).end()))
        .isEqualTo("11010519491231002X");
  }

  @Test
  void redactMasksEveryFindingAndKeepsTheRest() {
    String text = "申请人身份证150102199003071237，手机+86 138-1234-5678；编号150102199003071234。";

    String redacted = screening.redact(text);

    assertThat(redacted)
        .isEqualTo("申请人身份证1501**********1237，手机+86 138-****-5678；编号150102199003071234。");
    assertThat(redacted).hasSameSizeAs(text);
    assertThat(screening.screen(redacted)).isEmpty();
  }

  @Test
  void eachFindingShowsWhatRedactWrites() {
    String text = "甲 150102 19900307 1237 乙 138 1234 5678 丙";
    String redacted = screening.redact(text);

    List<PersonalDataFinding> findings = screening.screen(text);

    assertThat(findings).hasSize(2);
    for (PersonalDataFinding f : findings) {
      assertThat(redacted.substring(f.offset(), f.end())).isEqualTo(f.masked());
    }
    assertThat(findings)
        .extracting(PersonalDataFinding::masked)
        .containsExactly("1501** ******** 1237", "138 **** 5678");
  }

  @Test
  void numbersSideBySideAreEachFound() {
    assertThat(screening.screen("13812345678、(+86)13912345678/15010219900307123７"))
        .extracting(PersonalDataFinding::offset, PersonalDataFinding::masked)
        .containsExactly(
            tuple(0, "138****5678"),
            tuple(12, "(+86)139****5678"),
            tuple(29, "1501**********123７"));
  }

  @Test
  void cleanTextIsUnchanged() {
    String text = "根据内政发〔2024〕12号文件，2024年预算支出1380000.00万元。";

    assertThat(screening.screen(text)).isEmpty();
    assertThat(screening.redact(text)).isSameAs(text);
    assertThat(screening.screen(null)).isEmpty();
    assertThat(screening.redact(null)).isNull();
    assertThat(screening.redact("")).isEmpty();
  }

  @Test
  void everyOneOfManyFindingsIsReportedInOrder() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("第").append(i).append("户 1380000").append(String.format("%04d", i));
      text.append(" 150102199003071237\n");
    }

    List<PersonalDataFinding> findings = screening.screen(text);

    assertThat(findings).hasSize(10_000);
    assertThat(findings).extracting(PersonalDataFinding::line).isSorted();
    assertThat(findings.get(9_999).line()).isEqualTo(5_000);
    assertThat(findings.get(1).masked()).isEqualTo("1501**********1237");
    assertThat(findings.get(2).masked()).isEqualTo("138****0001");
  }
}
