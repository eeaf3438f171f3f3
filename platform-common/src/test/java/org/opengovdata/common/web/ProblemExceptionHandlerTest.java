package org.opengovdata.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengovdata.common.problem.ApiException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ExtendWith(OutputCaptureExtension.class)
class ProblemExceptionHandlerTest {

  enum Stage {
    BUDGET,
    FINAL
  }

  @RestController
  static class SampleController {
    @GetMapping("/items")
    String items(@RequestParam int year, @RequestParam(required = false) Stage stage) {
      return "ok";
    }

    @GetMapping("/policies/missing")
    String missing() {
      throw ApiException.notFound("No policy with document number 内政发〔2024〕99号.");
    }

    @GetMapping("/gone")
    String gone() {
      // what a streamed CSV download throws when the client closes the connection
      throw new UncheckedIOException(new IOException("Broken pipe"));
    }

    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("secret internals");
    }
  }

  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc =
        MockMvcBuilders.standaloneSetup(new SampleController())
            .setControllerAdvice(new ProblemExceptionHandler())
            .addFilters(new RequestIdFilter())
            .build();
  }

  @Test
  void nonNumericYearIsA400NamingTheParameter() throws Exception {
    mvc.perform(get("/items").param("year", "abcd"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://opendata.nmg.gov.cn/problems/invalid-parameter"))
        .andExpect(jsonPath("$.errors[0].parameter").value("year"))
        .andExpect(jsonPath("$.detail").value("'abcd' is not a number for parameter 'year'"))
        .andExpect(jsonPath("$.instance").value("/items"))
        .andExpect(jsonPath("$.requestId").isNotEmpty());
  }

  @Test
  void unknownEnumValueListsTheAllowedValues() throws Exception {
    mvc.perform(get("/items").param("year", "2024").param("stage", "DRAFT"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].parameter").value("stage"))
        .andExpect(
            jsonPath("$.detail")
                .value("'DRAFT' is not one of [BUDGET, FINAL] for parameter 'stage'"));
  }

  @Test
  void missingRequiredParameterIsA400() throws Exception {
    mvc.perform(get("/items"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].parameter").value("year"));
  }

  @Test
  void domainNotFoundKeepsItsDetail() throws Exception {
    mvc.perform(get("/policies/missing"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://opendata.nmg.gov.cn/problems/not-found"))
        .andExpect(jsonPath("$.detail").value("No policy with document number 内政发〔2024〕99号."));
  }

  @Test
  void unexpectedErrorIsA500WithoutInternals() throws Exception {
    mvc.perform(get("/boom"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("An unexpected error occurred; it has been logged."));
  }

  @Test
  void aClientThatWentAwayIsOneLineNotAnErrorWithAStackTrace(CapturedOutput output)
      throws Exception {
    mvc.perform(get("/gone"));
    assertThat(output)
        .contains("Client went away during GET /gone")
        .doesNotContain("Unhandled error");
    assertThat(output).doesNotContain("Broken pipe\n\tat ");
  }

  @Test
  void anUnexpectedErrorIsLoggedWithItsStackTrace(CapturedOutput output) throws Exception {
    mvc.perform(get("/boom")).andExpect(status().isInternalServerError());
    assertThat(output).contains("Unhandled error on GET /boom").contains("\tat ");
  }
}
