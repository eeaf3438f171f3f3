package org.opengovdata.catalog.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengovdata.catalog.policy.PolicyApi.ALICE;
import static org.opengovdata.catalog.policy.PolicyApi.BOB;
import static org.opengovdata.catalog.policy.PolicyApi.draft;
import static org.opengovdata.catalog.policy.PolicyApi.token;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attachments: streamed in with their SHA-256, text extracted (Tika) and screened, streamed out.
 */
class PolicyAttachmentIntegrationTest extends CatalogIntegrationTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private PolicyApi api;

  @DynamicPropertySource
  static void attachmentStore(DynamicPropertyRegistry registry) throws IOException {
    Path root = Files.createTempDirectory("catalog-attachments-it");
    registry.add("opendata.catalog.attachments.root", root::toString);
  }

  @BeforeEach
  void emptyPolicies() {
    resetData();
    api = new PolicyApi(this::url);
  }

  private HttpResponse<String> upload(String id, String fileName, byte[] content, String bearer)
      throws Exception {
    String boundary = "----opendata" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url("/policies/" + id + "/attachments")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", bearer)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] docx(String text) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(text);
      document.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] pdf(String asciiText) throws IOException {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(asciiText);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void aDocxIsStoredWithItsDigestAndTextAndStreamedBackUnchanged() throws Exception {
    String id = api.create(draft("附件测试", null, "正文"), token(ALICE));
    byte[] content = docx("附件一：内蒙古自治区政务公开工作要点");
    HttpResponse<String> created = upload(id, "附件1.docx", content, token(ALICE));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    assertThat(JsonPath.<String>read(created.body(), "$.sha256")).isEqualTo(sha256);
    assertThat(JsonPath.<String>read(created.body(), "$.fileName")).isEqualTo("附件1.docx");
    assertThat(JsonPath.<String>read(created.body(), "$.mediaType"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(JsonPath.<String>read(created.body(), "$.extractedText")).contains("内蒙古自治区政务公开工作要点");

    String download = JsonPath.read(created.body(), "$.url");
    HttpResponse<byte[]> file =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + download))
                .header("Authorization", token(ALICE))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(content);
    assertThat(file.headers().firstValue("Content-Digest"))
        .hasValue(
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))
                + ":");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("UTF-8''");
    assertThat(get(download.replace("/api/v1/catalog", "")).statusCode())
        .as("attachments of drafts are not public")
        .isEqualTo(404);
  }

  @Test
  void personalDataInAnAttachmentBlocksPublication() throws Exception {
    String id = api.create(draft("附件含手机号", null, "正文"), token(ALICE));
    HttpResponse<String> created =
        upload(id, "contacts.pdf", pdf("Contact: 138 1234 5678"), token(ALICE));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(JsonPath.<String>read(created.body(), "$.mediaType")).isEqualTo("application/pdf");
    PolicyApi.assertOk(api.step(id, "submit", token(ALICE)));
    PolicyApi.assertOk(api.step(id, "approve", token(BOB)));
    HttpResponse<String> publish = api.step(id, "publish", token(BOB));
    assertThat(publish.statusCode()).isEqualTo(422);
    assertThat(JsonPath.<String>read(publish.body(), "$.findings[0].field"))
        .isEqualTo("attachments[contacts.pdf]");
    assertThat(JsonPath.<String>read(publish.body(), "$.findings[0].kind"))
        .isEqualTo("MOBILE_NUMBER");
  }

  @Test
  void otherFileTypesAreRefusedAndUploadsNeedAPublisher() throws Exception {
    String id = api.create(draft("附件类型", null, "正文"), token(ALICE));
    byte[] png = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452");
    HttpResponse<String> refused = upload(id, "photo.png", png, token(ALICE));
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(JsonPath.<String>read(refused.body(), "$.detail")).contains("PDF, DOCX");
    byte[] text = "通知正文".getBytes(StandardCharsets.UTF_8);
    assertThat(upload(id, "a.txt", text, PolicyApi.scoped("key_other", "150200")).statusCode())
        .isEqualTo(403);
    PolicyApi.assertOk(api.step(id, "submit", token(ALICE)));
    assertThat(upload(id, "a.txt", text, token(ALICE)).statusCode())
        .as("no attachments while under review")
        .isEqualTo(409);
  }
}
