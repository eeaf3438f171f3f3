package org.opengovdata.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The catalogue's JSON-LD read as RDF (Apache Jena), as a harvester would, and checked against the
 * DCAT-AP mandatory and recommended properties of the catalogue, every dataset and every
 * distribution; every IRI absolute under the configured public base URL.
 */
@TestPropertySource(
    properties = "opendata.catalog.dcat.public-base-url=https://data.example.gov.cn")
class DcatApIntegrationTest extends CatalogIntegrationTest {

  private static final String BASE = "https://data.example.gov.cn";
  private static final String FOAF = "http://xmlns.com/foaf/0.1/";
  private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";

  @Test
  void theWholeCatalogueHasEveryDcatApMandatoryAndRecommendedProperty() {
    HttpResponse<String> response = get("/datasets?format=jsonld&size=1");
    assertThat(response.statusCode()).isEqualTo(200);
    Model rdf = ModelFactory.createDefaultModel();
    RDFParser.fromString(response.body(), Lang.JSONLD).parse(rdf);

    List<Resource> catalogs = rdf.listSubjectsWithProperty(RDF.type, DCAT.Catalog).toList();
    assertThat(catalogs).hasSize(1);
    Resource catalog = catalogs.get(0);
    assertThat(catalog.getURI()).isEqualTo(BASE + "/api/v1/catalog/datasets");
    has(catalog, DCTerms.title, DCTerms.description, DCTerms.publisher, DCTerms.language);
    has(catalog, rdf.createProperty(FOAF, "homepage"), DCAT.dataset);
    assertThat(catalog.getPropertyResourceValue(DCTerms.language).getURI())
        .isEqualTo("http://publications.europa.eu/resource/authority/language/ZHO");

    // served whole, not a page of it (size=1 above)
    int datasets = jdbc.sql("select count(*) from dataset").query(Integer.class).single();
    List<Resource> all = rdf.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList();
    assertThat(all).hasSize(datasets);
    assertThat(catalog.listProperties(DCAT.dataset).toList()).hasSize(datasets);

    for (Resource dataset : all) {
      assertThat(dataset.getURI()).startsWith(BASE + "/api/v1/catalog/datasets/");
      has(dataset, DCTerms.title, DCTerms.description, DCTerms.publisher, DCTerms.identifier);
      has(dataset, DCAT.contactPoint, DCAT.distribution, DCAT.keyword, DCAT.theme);
      has(dataset, DCAT.landingPage, DCTerms.spatial, DCTerms.accrualPeriodicity);
      has(dataset, DCTerms.issued, DCTerms.modified);
      assertThat(
              dataset
                  .getPropertyResourceValue(DCAT.contactPoint)
                  .getPropertyResourceValue(rdf.createProperty(VCARD, "hasEmail"))
                  .getURI())
          .startsWith("mailto:");
      dataset
          .listProperties(DCAT.theme)
          .forEach(
              t ->
                  assertThat(t.getResource().getURI())
                      .startsWith("http://publications.europa.eu/resource/authority/data-theme/"));
      List<Resource> distributions =
          dataset.listProperties(DCAT.distribution).mapWith(s -> s.getResource()).toList();
      assertThat(distributions).hasSize(2);
      for (Resource distribution : distributions) {
        has(distribution, DCAT.accessURL, DCAT.downloadURL, DCTerms.format, DCAT.mediaType);
        has(distribution, DCTerms.license);
        assertThat(distribution.getPropertyResourceValue(DCAT.downloadURL).getURI())
            .startsWith(BASE + "/api/v1/catalog/");
        assertThat(distribution.getPropertyResourceValue(DCTerms.format).getURI())
            .matches("http://publications\\.europa\\.eu/resource/authority/file-type/(JSON|CSV)");
        assertThat(distribution.getPropertyResourceValue(DCAT.mediaType).getURI())
            .startsWith("http://www.iana.org/assignments/media-types/");
      }
      // the CSV is downloadable as one file of the whole dataset
      assertThat(
              distributions.stream()
                  .map(d -> d.getPropertyResourceValue(DCAT.downloadURL).getURI())
                  .toList())
          .contains(
              BASE
                  + "/api/v1/catalog/datasets/"
                  + dataset.getProperty(DCTerms.identifier).getString()
                  + "/download");
    }
    // no relative IRI anywhere
    rdf.listObjects()
        .filterKeep(RDFNode::isURIResource)
        .forEach(o -> assertThat(o.asResource().getURI()).matches("(https?|mailto):.+"));
  }

  private static void has(Resource subject, Property... properties) {
    for (Property property : properties) {
      assertThat(subject.hasProperty(property))
          .as(subject + " has " + property.getLocalName())
          .isTrue();
    }
  }
}
