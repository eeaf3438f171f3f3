package org.opengovdata.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.fiscal.Direction;
import org.opengovdata.catalog.fiscal.Stage;
import org.opengovdata.catalog.reference.ReferenceCsv;

class FiscalDemoTest {

  private static final long SEED = 20150101L;

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
    assertThat(fingerprint(new FiscalDemo(SEED, 1, 2023, 2024)))
        .isEqualTo(fingerprint(new FiscalDemo(SEED, 1, 2023, 2024)))
        .isNotEqualTo(fingerprint(new FiscalDemo(SEED + 1, 1, 2023, 2024)));
  }

  @Test
  void aValueDependsOnItsIdentityNotOnWhatIsGeneratedAround() {
    Map<String, Long> narrow = amounts(new FiscalDemo(SEED, 2, 2024, 2024));
    Map<String, Long> wide = amounts(new FiscalDemo(SEED, 2, 2015, 2025));
    narrow.forEach((key, cents) -> assertThat(wide.get(key)).as(key).isEqualTo(cents));
  }

  @Test
  void stagesRelatePlausibly() {
    Map<String, long[]> stages = new HashMap<>();
    new FiscalDemo(SEED, 1, 2024, 2024)
        .items(
            i -> {
              String key = i.region() + i.budget() + i.direction() + i.code();
              long[] s = stages.computeIfAbsent(key, k -> new long[] {-1, -1, -1});
              s[i.stage().ordinal()] = i.cents();
              if (i.stage() == Stage.FINAL && i.direction() == Direction.EXPENDITURE) {
                assertThat((double) i.cents() / s[Stage.ADJUSTED.ordinal()]).isBetween(0.85, 1.02);
              }
            });
    stages.forEach(
        (key, s) -> {
          assertThat(s[0]).as(key).isPositive();
          assertThat((double) s[1] / s[0]).as(key).isBetween(0.9, 1.26);
          if (key.endsWith("227")) {
            assertThat(s[2]).as("预备费 has no final account").isEqualTo(-1);
          }
        });
  }

  @Test
  void everyCodeIsInTheReferenceClassificationAndEveryRegionIsCovered() {
    Set<String> known = new HashSet<>();
    ReferenceCsv.read(ReferenceCsv.EXPENDITURE_FUNCTIONS).forEach(r -> known.add(r.get("code")));
    ReferenceCsv.read(ReferenceCsv.CLASSIFICATION_DETAIL).forEach(r -> known.add(r.get("code")));
    Set<String> regions = new HashSet<>();
    new FiscalDemo(SEED, 1, 2024, 2024)
        .items(
            i -> {
              assertThat(known).contains(i.code());
              regions.add(i.region());
            });
    assertThat(regions).hasSize(121);
  }

  @Test
  void countiesPublishByClassAtScaleOneAndByItemAbove() {
    Set<Integer> countyLengths = new HashSet<>();
    Set<Integer> prefectureLengths = new HashSet<>();
    new FiscalDemo(SEED, 1, 2024, 2024)
        .items(
            i ->
                (i.region().endsWith("00") ? prefectureLengths : countyLengths)
                    .add(i.code().length()));
    assertThat(countyLengths).containsExactly(3);
    assertThat(prefectureLengths).contains(7);
  }

  @Test
  void scaleThreeGivesOverAMillionRowsForBenchmarks() {
    FiscalDemo demo = new FiscalDemo(SEED, 3, 2015, 2025);
    AtomicLong rows = new AtomicLong();
    demo.items(i -> rows.incrementAndGet());
    assertThat(rows.get()).isGreaterThan(1_000_000);
    assertThat(demo.syntheticClassifications())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.name()).contains("细目"));
    assertThat(scaleOneRows()).isBetween(200_000L, 260_000L);
  }

  private static long scaleOneRows() {
    AtomicLong rows = new AtomicLong();
    new FiscalDemo(SEED, 1, 2015, 2025).items(i -> rows.incrementAndGet());
    return rows.get();
  }

  private static Map<String, Long> amounts(FiscalDemo demo) {
    Map<String, Long> amounts = new HashMap<>();
    demo.items(
        i -> {
          if (i.year() == 2024) {
            amounts.put(i.region() + i.budget() + i.stage() + i.direction() + i.code(), i.cents());
          }
        });
    return amounts;
  }

  private static List<Long> fingerprint(FiscalDemo demo) {
    long[] hash = {17, 0};
    demo.items(
        i -> {
          hash[0] = 31 * hash[0] + i.toString().hashCode();
          hash[1]++;
        });
    demo.threePublic(t -> hash[0] = 31 * hash[0] + t.toString().hashCode());
    return List.of(hash[0], hash[1]);
  }
}
