package org.opengovdata.common.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Issue #8 item 13: request bodies are strict JSON. */
class StrictJsonTest {

  record KeyRequest(String name, List<String> roles) {}

  @RestController
  static class KeysController {
    @PostMapping("/keys")
    String create(@RequestBody KeyRequest request) {
      return String.join(",", request.roles());
    }
  }

  private final MockMvc mvc;

  StrictJsonTest() {
    JsonMapper.Builder builder = JsonMapper.builder();
    new StrictJsonCustomizer().customize(builder);
    mvc =
        MockMvcBuilders.standaloneSetup(new KeysController())
            .setControllerAdvice(new ProblemExceptionHandler())
            .setMessageConverters(new JacksonJsonHttpMessageConverter(builder.build()))
            .build();
  }

  @Test
  void item13DuplicateKeysInARequestBodyAre400() throws Exception {
    mvc.perform(
            post("/keys")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\",\"roles\":[\"consumer\"],\"roles\":[\"admin\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://opendata.nmg.gov.cn/problems/invalid-body"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'roles'")));
    mvc.perform(
            post("/keys")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\",\"roles\":[\"consumer\"]}"))
        .andExpect(status().isOk());
  }
}
