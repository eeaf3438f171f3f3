package org.opengovdata.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.opengovdata.catalog.reference.Region;

/**
 * Generated policy documents for demos and benchmarks: deterministic (every value derives from the
 * seed and the document's index), across the real regions and their issuers, with valid 发文字号 (one
 * serial sequence per issuer code and year), dates, bodies cut from the project's founding study
 * ({@code demo/seed-corpus-zh-hans.txt}), interpretations and validity changes (some expire, some
 * are repealed, some are amended by a later document).
 */
final class PolicyDemo {

  private static final String[] TYPES = {
    "NOTICE",
    "NOTICE",
    "NOTICE",
    "OPINION",
    "OPINION",
    "DECISION",
    "ANNOUNCEMENT",
    "PUBLIC_NOTICE",
    "CIRCULAR",
    "REPLY",
    "NORMATIVE_DOCUMENT",
    "NORMATIVE_DOCUMENT",
    "LETTER",
    "GOVERNMENT_RULES",
    "ORDER"
  };
  private static final String[] TOPICS = {
    "进一步加强政务公开工作", "优化营商环境", "做好财政预决算公开", "推进基本公共服务均等化",
    "加强统计数据质量管理", "规范行政事业性收费", "促进民营经济发展", "做好防汛抗旱工作",
    "加快推进数字政府建设", "做好高校毕业生就业工作", "加强生态环境保护", "推进乡村振兴",
    "规范政府信息依申请公开办理", "加强公共资源交易管理", "做好冬季供暖保障"
  };
  private static final String[] SUBJECTS = {
    "综合政务", "财政、金融、审计", "国民经济管理、国有资产监管", "城乡建设、环境保护", "农业、林业、水利",
    "劳动、人事、监察", "科技、教育", "卫生、体育", "商贸、海关、旅游", "民政、扶贫、救灾"
  };

  /** One generated document (column values as stored). */
  record DemoPolicy(
      UUID id,
      String title,
      String issuer,
      String issuerCode,
      int year,
      int serial,
      String documentType,
      String subject,
      String regionCode,
      LocalDate written,
      LocalDate published,
      LocalDate effective,
      LocalDate expiry,
      LocalDate repealedOn,
      UUID amends,
      String body,
      String interpretationTitle,
      String interpretationBody) {

    String canonicalNumber() {
      return documentType.equals("ORDER")
          ? issuerCode + "第" + serial + "号"
          : issuerCode + "〔" + year + "〕" + serial + "号";
    }
  }

  private record Issuer(String name, String code, String regionCode) {}

  /** The 自治区's issuers come first in {@link #issuers}. */
  private static final int PROVINCE_ISSUERS = 4;

  private final Noise noise;
  private final int count;
  private final int fromYear;
  private final int toYear;
  private final List<Issuer> issuers = new ArrayList<>();
  private final String corpus;

  PolicyDemo(long seed, int count, int fromYear, int toYear, List<Region> regions) {
    this.noise = new Noise(seed ^ 0x9e3779b97f4a7c15L);
    this.count = count;
    this.fromYear = fromYear;
    this.toYear = toYear;
    for (Region region : regions) {
      String shortName = shortName(region);
      if (region.level() == Region.Level.PROVINCE) {
        issuers.add(new Issuer("内蒙古自治区人民政府", "内政发", region.code()));
        issuers.add(new Issuer("内蒙古自治区人民政府办公厅", "内政办发", region.code()));
        issuers.add(new Issuer("内蒙古自治区财政厅", "内财预", region.code()));
        issuers.add(new Issuer("内蒙古自治区人民政府", "内蒙古自治区人民政府令", region.code()));
      } else {
        String government = region.name() + "人民政府";
        String prefix = shortName.substring(0, 1);
        issuers.add(new Issuer(government, prefix + "政发", region.code()));
        issuers.add(new Issuer(government + "办公室", prefix + "政办发", region.code()));
      }
    }
    this.corpus = loadCorpus();
  }

  private static String shortName(Region region) {
    return region.name().replaceAll("(自治区|自治旗|市|盟|旗|县|区)$", "");
  }

  private static String loadCorpus() {
    try (InputStream in = PolicyDemo.class.getResourceAsStream("/demo/seed-corpus-zh-hans.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document, in index order; an amending document comes after the one it amends. */
  void policies(Consumer<DemoPolicy> sink) {
    Map<String, Integer> serials = new HashMap<>();
    Map<String, List<DemoPolicy>> amendable = new HashMap<>();
    for (int i = 0; i < count; i++) {
      // the 自治区's own issuers publish more than any one 盟/市 or 旗/县
      double pick = noise.unit("issuer", i);
      Issuer issuer =
          pick < 0.3
              ? issuers.get((int) (pick / 0.3 * PROVINCE_ISSUERS))
              : issuers.get((int) ((pick - 0.3) / 0.7 * issuers.size()));
      boolean decree = issuer.code().endsWith("令");
      int year = fromYear + (int) (noise.unit("year", i) * (toYear - fromYear + 1));
      LocalDate written = LocalDate.of(year, 1, 1).plusDays((long) (noise.unit("day", i) * 350));
      String type = decree ? "ORDER" : TYPES[(int) (noise.unit("type", i) * (TYPES.length - 1))];
      int serial = serials.merge(issuer.code() + (decree ? "" : "|" + year), 1, Integer::sum);
      LocalDate published = written.plusDays(1 + (long) (noise.unit("pub", i) * 14));
      LocalDate effective = noise.unit("eff", i) < 0.6 ? published : published.plusDays(30);
      double fate = noise.unit("fate", i);
      LocalDate expiry = fate < 0.12 ? effective.plusYears(2 + (long) (fate * 30)) : null;
      LocalDate repealed =
          fate >= 0.12 && fate < 0.17 ? effective.plusYears(1 + (long) (fate * 20)) : null;
      UUID amends = null;
      if (fate >= 0.17 && fate < 0.27) {
        List<DemoPolicy> candidates = amendable.getOrDefault(issuer.name(), List.of());
        for (int c = candidates.size() - 1; c >= 0; c--) {
          if (candidates.get(c).effective().isBefore(effective)) {
            amends = candidates.remove(c).id();
            break;
          }
        }
      }
      String topic = TOPICS[(int) (noise.unit("topic", i) * TOPICS.length)];
      String title = issuer.name() + "关于" + topic + "的" + label(type);
      String body = body(i, title);
      boolean interpreted = noise.unit("interp", i) < 0.2;
      DemoPolicy policy =
          new DemoPolicy(
              new UUID(noise.bits("id-hi", i), noise.bits("id-lo", i)),
              title,
              issuer.name(),
              issuer.code(),
              year,
              serial,
              type,
              SUBJECTS[(int) (noise.unit("subject", i) * SUBJECTS.length)],
              issuer.regionCode(),
              written,
              published,
              effective,
              expiry,
              repealed,
              amends,
              body,
              interpreted ? "《" + title + "》政策解读" : null,
              interpreted ? excerpt(i, "interp-body", 400) : null);
      if (expiry == null && repealed == null) {
        List<DemoPolicy> candidates =
            amendable.computeIfAbsent(issuer.name(), k -> new ArrayList<>());
        candidates.add(policy);
        if (candidates.size() > 16) {
          candidates.remove(0);
        }
      }
      sink.accept(policy);
    }
  }

  private String body(int i, String title) {
    return title
        + "\n\n各有关单位：\n\n"
        + excerpt(i, "body", 300 + (int) (noise.unit("length", i) * 1200))
        + "\n\n本文件自印发之日起施行。";
  }

  private String excerpt(int i, String part, int length) {
    int start = (int) (noise.unit(part, i) * Math.max(1, corpus.length() - length));
    return corpus.substring(start, Math.min(corpus.length(), start + length));
  }

  private static String label(String type) {
    return switch (type) {
      case "OPINION" -> "意见";
      case "DECISION" -> "决定";
      case "ANNOUNCEMENT" -> "公告";
      case "PUBLIC_NOTICE" -> "通告";
      case "CIRCULAR" -> "通报";
      case "REPLY" -> "批复";
      case "NORMATIVE_DOCUMENT" -> "办法";
      case "LETTER" -> "函";
      case "GOVERNMENT_RULES" -> "规定";
      case "ORDER" -> "令";
      default -> "通知";
    };
  }
}
