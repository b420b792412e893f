package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.sotong.opendata.catalog.Catalog;
import kr.sotong.opendata.catalog.Licence;
import kr.sotong.opendata.catalog.UpdateCycle;
import kr.sotong.opendata.table.Encodings;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.testsupport.SotongTest;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The CKAN-compatible Action API, the DCAT export (parsed back with Jena) and downloads. */
@SotongTest
class CatalogApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;
    @Autowired
    FileStore files;
    @Autowired
    ObjectMapper json;

    String tag;
    List<String> names = new ArrayList<>();

    @BeforeEach
    void datasets() {
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        long org = catalog.organization("ai-bigdata-team").orElseThrow().id();
        for (int i = 1; i <= 5; i++) {
            String name = tag + "-facilities-" + i;
            long id = catalog.create(new Catalog.DatasetForm(name, "금천구 공공시설 " + i + " " + tag, "공공시설 목록 \"따옴표\"\n둘째 줄", org,
                    tag + ",시설,금천구", "공공행정", Licence.KOGL_TYPE_1, UpdateCycle.YEARLY, "데이터 담당", "data@geumcheon.example",
                    "02-2627-0000"));
            long rid = catalog.addResource(id, "시설 목록", "CSV");
            StoredFile f = files.store(new ByteArrayInputStream(("번호,시설명,메모\n" + i + ",금천구청,=HYPERLINK(\"x\")\n2,독산동 ☆,-5\n")
                    .getBytes(StandardCharsets.UTF_8)), "facilities.csv");
            catalog.addVersion(rid, f, "CSV", "UTF-8", 2L, "UPLOAD", null, null, "");
            if (i != 5) {
                catalog.publish(id); // number 5 stays a draft
            }
            names.add(name);
        }
    }

    /** GET with the query string decoded into parameters (MockMvc would encode a literal %20 again). */
    private JsonNode call(String url) throws Exception {
        String[] parts = url.split("\\?", 2);
        var request = get(parts[0]);
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                request.param(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void envelopeAndPackageShow() throws Exception {
        JsonNode r = call("/api/3/action/package_show?id=" + names.get(0));
        assertThat(r.path("success").asBoolean()).isTrue();
        assertThat(r.path("help").asString()).contains("/api/3/action/help_show?name=package_show");
        JsonNode pkg = r.path("result");
        assertThat(pkg.path("name").asString()).isEqualTo(names.get(0));
        assertThat(pkg.path("license_id").asString()).isEqualTo("KOGL-Type1");
        assertThat(pkg.path("organization").path("name").asString()).isEqualTo("ai-bigdata-team");
        assertThat(pkg.path("resources").size()).isEqualTo(1);
        assertThat(pkg.path("resources").get(0).path("url").asString()).contains("/download?format=csv");
        assertThat(pkg.path("tags").toString()).contains(tag);

        mvc.perform(get("/api/3/action/package_show").param("id", names.get(4)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error.__type").value("Not Found Error"));
        mvc.perform(get("/api/3/action/package_show"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error.__type").value("Validation Error"))
                .andExpect(jsonPath("$.error.id[0]").value("Missing value"));
        mvc.perform(get("/api/3/action/no_such_action")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.success").value(false));
        // POST with a JSON body, as CKAN clients do, needs no session or CSRF token
        mvc.perform(post("/api/3/action/package_show").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + names.get(1) + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result.name").value(names.get(1)));
    }

    @Test
    void packageSearchPagesSortsAndFilters() throws Exception {
        JsonNode first = call("/api/3/action/package_search?q=" + tag + "&rows=2&start=0&sort=name%20asc").path("result");
        assertThat(first.path("count").asLong()).isEqualTo(4);
        assertThat(first.path("results").size()).isEqualTo(2);
        assertThat(first.path("results").get(0).path("name").asString()).isEqualTo(names.get(0));
        JsonNode third = call("/api/3/action/package_search?q=" + tag + "&rows=2&start=2&sort=name%20asc").path("result");
        assertThat(third.path("results").size()).isEqualTo(2);
        assertThat(third.path("results").get(1).path("name").asString()).isEqualTo(names.get(3));
        JsonNode desc = call("/api/3/action/package_search?q=" + tag + "&rows=1&sort=name%20desc").path("result");
        assertThat(desc.path("results").get(0).path("name").asString()).isEqualTo(names.get(3));
        JsonNode fq = call("/api/3/action/package_search?fq=tags:" + tag + "%20organization:ai-bigdata-team%20license_id:KOGL-Type1&rows=100").path("result");
        assertThat(fq.path("count").asLong()).isEqualTo(4);
        JsonNode none = call("/api/3/action/package_search?fq=tags:" + tag + "%20organization:press-team").path("result");
        assertThat(none.path("count").asLong()).isZero();
        mvc.perform(get("/api/3/action/package_search").param("rows", "abc")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.__type").value("Validation Error"));
        mvc.perform(get("/api/3/action/package_search").param("rows", "5000")).andExpect(status().isConflict());
    }

    @Test
    void listsOrganizationsTagsResourcesStatus() throws Exception {
        assertThat(call("/api/3/action/package_list").path("result").toString()).contains(names.get(0)).doesNotContain(names.get(4));
        JsonNode orgs = call("/api/3/action/organization_list").path("result");
        assertThat(orgs.toString()).contains("ai-bigdata-team", "pr-media-team", "press-team");
        JsonNode org = call("/api/3/action/organization_show?id=ai-bigdata-team&include_datasets=true").path("result");
        assertThat(org.path("title").asString()).isEqualTo("AI빅데이터팀");
        assertThat(org.path("package_count").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(call("/api/3/action/tag_list").path("result").toString()).contains(tag);
        String rid = call("/api/3/action/package_show?id=" + names.get(0)).path("result").path("resources").get(0).path("id").asString();
        assertThat(call("/api/3/action/resource_show?id=" + rid).path("result").path("id").asString()).isEqualTo(rid);
        JsonNode status = call("/api/3/action/status_show").path("result");
        assertThat(status.path("site_title").asString()).isEqualTo("금천구 공공데이터");
        assertThat(status.path("ckan_version").asString()).startsWith("2.");
        assertThat(catalog.dataset(names.get(0)).orElseThrow().apiCalls()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void dcatTurtleAndJsonLdParseAsRdf() throws Exception {
        String ttl = mvc.perform(get("/data/catalog.ttl")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String jsonld = mvc.perform(get("/data/catalog.jsonld")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (Model model : List.of(parse(ttl, Lang.TURTLE), parse(jsonld, Lang.JSONLD))) {
            String dcat = "http://www.w3.org/ns/dcat#";
            Resource datasetType = model.createResource(dcat + "Dataset");
            List<Resource> datasets = model.listSubjectsWithProperty(RDF.type, datasetType).toList();
            assertThat(datasets).extracting(Resource::getURI).anyMatch(u -> u.endsWith("/data/" + names.get(0)))
                    .noneMatch(u -> u.endsWith("/data/" + names.get(4)));
            Resource ds = datasets.stream().filter(d -> d.getURI().endsWith("/data/" + names.get(0))).findFirst().orElseThrow();
            assertThat(ds.getProperty(model.createProperty("http://purl.org/dc/terms/title")).getString()).contains(tag);
            assertThat(ds.getProperty(model.createProperty("http://purl.org/dc/terms/description")).getString()).contains("\"따옴표\"\n둘째 줄");
            assertThat(ds.getPropertyResourceValue(model.createProperty("http://purl.org/dc/terms/license")).getURI())
                    .contains("kogl.or.kr");
            assertThat(model.listObjectsOfProperty(ds, model.createProperty(dcat + "distribution")).toList()).hasSize(4);
            assertThat(model.listSubjectsWithProperty(RDF.type, model.createResource(dcat + "Catalog")).toList()).hasSize(1);
        }
    }

    private static Model parse(String text, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(text)).lang(lang).parse(m);
        return m;
    }

    @Test
    void downloadsAreFormulaSafeInEveryFormat() throws Exception {
        String rid = call("/api/3/action/package_show?id=" + names.get(0)).path("result").path("resources").get(0).path("id").asString();
        String base = "/data/" + names.get(0) + "/resources/" + rid + "/download";
        String csv = mvc.perform(get(base).param("format", "csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").contains(",-5").contains("독산동 ☆");
        byte[] cp949 = mvc.perform(get(base).param("format", "csv-cp949")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(cp949, Encodings.CP949)).contains("금천구청").contains("'=HYPERLINK");
        String jsonOut = mvc.perform(get(base).param("format", "json")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(jsonOut).get(0).path("시설명").asString()).isEqualTo("금천구청");
        byte[] xlsx = mvc.perform(get(base).param("format", "xlsx")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).startsWith("'=");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(-5.0);
        }
        mvc.perform(get(base).param("format", "exe")).andExpect(status().isBadRequest());
        assertThat(catalog.dataset(names.get(0)).orElseThrow().downloads()).isEqualTo(4);
        mvc.perform(get("/data/" + names.get(0))).andExpect(status().isOk());
        mvc.perform(get("/data/" + names.get(4))).andExpect(status().isNotFound());
        mvc.perform(get("/data").param("q", tag)).andExpect(status().isOk());
    }
}
