package io.clearflow.delivery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class FunctionNetworkApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private static final String CSV = """
            caller,caller_kind,callee,kind
            M_ORDER,menu,order,middleware function
            order,,risk,function
            risk,,T_POSITION,table
            M_QUERY,菜单,query,function
            query,,T_POSITION,table
            DLL_TRADE,dll,order,function
            """;

    private ResultActions importCsv(String system, String csv, String user) throws Exception {
        return mvc.perform(multipart("/api/delivery/function-networks/" + system)
                .file(new MockMultipartFile("file", "calls.csv", null, csv.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(user, "demo")));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void importAnalyseAndReach() throws Exception {
        JsonNode imported = read(importCsv("clearing", CSV, "chenqc").andExpect(status().isCreated()));
        assertThat(imported.get("nodes").asInt()).isEqualTo(7);
        assertThat(imported.get("byKind").get("table").asInt()).isEqualTo(1);
        assertThat(imported.get("byKind").get("menu").asInt()).isEqualTo(2);

        JsonNode metrics = read(mvc.perform(get("/api/delivery/function-networks/clearing").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isOk()));
        assertThat(metrics.get("edges").asInt()).isEqualTo(6);
        // undirected: M_ORDER/DLL_TRADE – order – risk – T_POSITION – query – M_QUERY
        assertThat(metrics.get("diameter").asInt()).isEqualTo(5);

        JsonNode node = read(mvc.perform(get("/api/delivery/function-networks/clearing/nodes/order").param("depth", "1")
                .with(httpBasic("zhengshi", "demo"))).andExpect(status().isOk()));
        assertThat(node.get("metrics").get("fanIn").asInt()).isEqualTo(2);
        assertThat(node.get("metrics").get("fanOut").asInt()).isEqualTo(1);
        List<String> near = new ArrayList<>();
        node.get("nodes").forEach(n -> near.add(n.get("name").asText()));
        assertThat(near).containsExactlyInAnyOrder("order", "M_ORDER", "DLL_TRADE", "risk");

        // an audit whose package changes risk.c reaches the callers up to the menu, and the table below
        String label = "7." + UUID.randomUUID().toString().substring(0, 8);
        long versionId = read(mvc.perform(post("/api/delivery/versions").with(httpBasic("wujiu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"system\":\"clearing\",\"version\":\"" + label + "\"}")))
                .get("id").asLong();
        long auditId = read(mvc.perform(post("/api/delivery/audits").with(httpBasic("wujiu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"versionId\":" + versionId + "}"))).get("id").asLong();
        mvc.perform(multipart("/api/delivery/audits/" + auditId + "/packages")
                .file(new MockMultipartFile("file", "p1.zip", null, TestArchives.zip(Map.of("src/risk.c", "a\n", "src/x.c", "b\n"))))
                .with(httpBasic("wujiu", "demo"))).andExpect(status().isCreated());
        mvc.perform(multipart("/api/delivery/audits/" + auditId + "/packages")
                .file(new MockMultipartFile("file", "p2.zip", null, TestArchives.zip(Map.of("src/risk.c", "a2\n", "src/x.c", "b\n"))))
                .with(httpBasic("wujiu", "demo"))).andExpect(status().isCreated());
        JsonNode reach = read(mvc.perform(get("/api/delivery/audits/" + auditId + "/reach").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isOk()));
        List<String> callers = new ArrayList<>();
        reach.get("callers").forEach(n -> callers.add(n.get("name").asText()));
        assertThat(callers).containsExactlyInAnyOrder("order", "M_ORDER", "DLL_TRADE");
        assertThat(reach.get("callees").get(0).get("name").asText()).isEqualTo("T_POSITION");
    }

    @Test
    void badImportsChangeNothing() throws Exception {
        importCsv("registry", CSV, "chenqc").andExpect(status().isCreated());
        importCsv("registry", "from,to\na,b\n", "chenqc").andExpect(status().isBadRequest());
        importCsv("registry", "caller,callee,kind\na,b,spaceship\n", "chenqc").andExpect(status().isBadRequest());
        importCsv("registry", "caller,callee,kind\na,,function\n", "chenqc").andExpect(status().isBadRequest());
        importCsv("nosuch", CSV, "chenqc").andExpect(status().isUnprocessableEntity());
        importCsv("registry", "caller,callee,kind\nx,y,table\n", "zhangsan").andExpect(status().isForbidden());
        JsonNode metrics = read(mvc.perform(get("/api/delivery/function-networks/registry").with(httpBasic("zhengshi", "demo"))));
        assertThat(metrics.get("nodes").asInt()).isEqualTo(7);
        mvc.perform(get("/api/delivery/function-networks/registry/nodes/nobody").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isNotFound());
    }
}
