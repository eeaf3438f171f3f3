package org.opengovdata.common.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageLinksTest {

  private static MockHttpServletRequest request(String query) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("GET", "/api/v1/catalog/fiscal/items");
    request.setQueryString(query);
    return request;
  }

  @Test
  void middlePageLinksBothWaysAndKeepsTheClientsEncoding() {
    PageLinks links =
        PageLinks.forPage(
            request("q=%E9%A2%84%E7%AE%97&page=2&size=10"), new PageRequest(2, 10), 100);
    assertThat(links.self())
        .isEqualTo("/api/v1/catalog/fiscal/items?q=%E9%A2%84%E7%AE%97&page=2&size=10");
    assertThat(links.next())
        .isEqualTo("/api/v1/catalog/fiscal/items?q=%E9%A2%84%E7%AE%97&page=3&size=10");
    assertThat(links.prev())
        .isEqualTo("/api/v1/catalog/fiscal/items?q=%E9%A2%84%E7%AE%97&page=1&size=10");
  }

  @Test
  void lastPageHasNoNextAndFirstNoPrev() {
    PageLinks links = PageLinks.forPage(request(null), new PageRequest(0, 20), 20);
    assertThat(links.self()).isEqualTo("/api/v1/catalog/fiscal/items");
    assertThat(links.next()).isNull();
    assertThat(links.prev()).isNull();
  }

  @Test
  void cursorLinksReplaceTheCursor() {
    PageLinks links = PageLinks.forCursor(request("year=2024&cursor=abc&size=5"), "def");
    assertThat(links.next()).isEqualTo("/api/v1/catalog/fiscal/items?year=2024&size=5&cursor=def");
    assertThat(PageLinks.forCursor(request("cursor=abc"), null).next()).isNull();
  }

  @Test
  void nextFollowsTheCursorWhenThereIsOneAndFirstAndLastAreNumbered() {
    PageLinks links =
        PageLinks.forPageWithCursor(
            request("year=2024&page=1&size=10"), new PageRequest(1, 10), 95, "c2");
    assertThat(links.next()).isEqualTo("/api/v1/catalog/fiscal/items?year=2024&size=10&cursor=c2");
    assertThat(links.prev()).isEqualTo("/api/v1/catalog/fiscal/items?year=2024&page=0&size=10");
    assertThat(links.first()).isEqualTo("/api/v1/catalog/fiscal/items?year=2024&page=0&size=10");
    assertThat(links.last()).isEqualTo("/api/v1/catalog/fiscal/items?year=2024&page=9&size=10");
  }

  @Test
  void lastIsLeftOutWhereNoNumberedPageReachesIt() {
    PageLinks links =
        PageLinks.forPageWithCursor(request(null), new PageRequest(0, 10), 2_000_000, "c1");
    assertThat(links.last()).isNull();
    assertThat(links.first()).isEqualTo("/api/v1/catalog/fiscal/items?page=0&size=10");
  }

  @Test
  void cursorAnswerOffersTheFirstPageButNoLast() {
    PageLinks links = PageLinks.forCursor(request("year=2024&cursor=abc&size=5"), "def");
    assertThat(links.first()).isEqualTo("/api/v1/catalog/fiscal/items?year=2024&size=5");
    assertThat(links.last()).isNull();
    assertThat(links.prev()).isNull();
  }

  @Test
  void linkHeaderMirrorsTheLinksAsRfc8288() {
    PageLinks links = PageLinks.forPage(request("page=1&size=10"), new PageRequest(1, 10), 30);
    assertThat(links.header())
        .isEqualTo(
            "</api/v1/catalog/fiscal/items?page=1&size=10>; rel=\"self\", "
                + "</api/v1/catalog/fiscal/items?page=0&size=10>; rel=\"first\", "
                + "</api/v1/catalog/fiscal/items?page=0&size=10>; rel=\"prev\", "
                + "</api/v1/catalog/fiscal/items?page=2&size=10>; rel=\"next\", "
                + "</api/v1/catalog/fiscal/items?page=2&size=10>; rel=\"last\"");
  }
}
