package io.clearflow.mining.ocel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.variants.Variant;
import io.clearflow.mining.variants.VariantMiner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OCEL 2.0 import (issue 20): a small hand-made order/item log in both encodings, flattened on each
 * object type as pm4py's ocel_flattening does (an event joins the case of every object of the type
 * it relates to). Expected cases were worked out by hand from the relations below.
 */
public class OcelReaderTest {

    /** e1 place order (o1, i1, i2), e2 place order (o2, i3), e3-e5 pick item i1..i3, e6 send package (o1, i1, i2), e7 pay order (o1). */
    public static final String JSON = """
            {"objectTypes": [{"name": "order", "attributes": [{"name": "price", "type": "float"}]},
                             {"name": "item", "attributes": []}],
             "eventTypes": [{"name": "place order", "attributes": [{"name": "resource", "type": "string"}]}],
             "objects": [
               {"id": "o1", "type": "order", "attributes": [{"name": "price", "time": "1970-01-01T00:00:00Z", "value": "10.5"}],
                "relationships": [{"objectId": "i1", "qualifier": "contains"}]},
               {"id": "o2", "type": "order"},
               {"id": "i1", "type": "item"}, {"id": "i2", "type": "item"}, {"id": "i3", "type": "item"}],
             "events": [
               {"id": "e2", "type": "place order", "time": "2023-01-01T09:30:00Z",
                "relationships": [{"objectId": "o2", "qualifier": "order"}, {"objectId": "i3", "qualifier": "item"}]},
               {"id": "e1", "type": "place order", "time": "2023-01-01T09:00:00Z",
                "attributes": [{"name": "resource", "value": "Alice"}],
                "relationships": [{"objectId": "o1", "qualifier": "order"}, {"objectId": "i1", "qualifier": "item"},
                                  {"objectId": "i2", "qualifier": "item"}]},
               {"id": "e3", "type": "pick item", "time": "2023-01-01T10:00:00Z", "relationships": [{"objectId": "i1", "qualifier": ""}]},
               {"id": "e4", "type": "pick item", "time": "2023-01-01T10:10:00Z", "relationships": [{"objectId": "i2", "qualifier": ""}]},
               {"id": "e5", "type": "pick item", "time": "2023-01-01T10:20:00Z", "relationships": [{"objectId": "i3", "qualifier": ""}]},
               {"id": "e6", "type": "send package", "time": "2023-01-01T11:00:00+01:00",
                "relationships": [{"objectId": "o1", "qualifier": ""}, {"objectId": "i1", "qualifier": ""}, {"objectId": "i2", "qualifier": ""}]},
               {"id": "e7", "type": "pay order", "time": "2023-01-01T12:00:00Z", "relationships": [{"objectId": "o1", "qualifier": ""}]}]}
            """;

    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <log>
              <object-types>
                <object-type name="order"><attributes><attribute name="price" type="float"/></attributes></object-type>
                <object-type name="item"><attributes/></object-type>
              </object-types>
              <event-types><event-type name="place order"><attributes/></event-type></event-types>
              <objects>
                <object id="o1" type="order">
                  <attributes><attribute name="price" time="1970-01-01T00:00:00Z">10.5</attribute></attributes>
                  <objects><relationship object-id="i1" qualifier="contains"/></objects>
                </object>
                <object id="o2" type="order"/>
                <object id="i1" type="item"/><object id="i2" type="item"/><object id="i3" type="item"/>
              </objects>
              <events>
                <event id="e2" type="place order" time="2023-01-01T09:30:00Z">
                  <objects><relationship object-id="o2" qualifier="order"/><relationship object-id="i3" qualifier="item"/></objects>
                </event>
                <event id="e1" type="place order" time="2023-01-01T09:00:00Z">
                  <attributes><attribute name="resource">Alice</attribute></attributes>
                  <objects><relationship object-id="o1" qualifier="order"/><relationship object-id="i1" qualifier="item"/>
                    <relationship object-id="i2" qualifier="item"/></objects>
                </event>
                <event id="e3" type="pick item" time="2023-01-01T10:00:00Z"><objects><relationship object-id="i1" qualifier=""/></objects></event>
                <event id="e4" type="pick item" time="2023-01-01T10:10:00Z"><objects><relationship object-id="i2" qualifier=""/></objects></event>
                <event id="e5" type="pick item" time="2023-01-01T10:20:00Z"><objects><relationship object-id="i3" qualifier=""/></objects></event>
                <event id="e6" type="send package" time="2023-01-01T11:00:00+01:00">
                  <objects><relationship object-id="o1" qualifier=""/><relationship object-id="i1" qualifier=""/>
                    <relationship object-id="i2" qualifier=""/></objects>
                </event>
                <event id="e7" type="pay order" time="2023-01-01T12:00:00Z"><objects><relationship object-id="o1" qualifier=""/></objects></event>
              </events>
            </log>
            """;

    @Test
    void bothEncodingsGiveTheSameObjectTypesAndFlattenings() throws IOException {
        for (String encoding : new String[] {JSON, XML}) {
            OcelLog ocel = OcelReader.read(stream(encoding));

            assertThat(ocel.types()).containsExactly(new OcelLog.ObjectType("item", 3, 6),
                    new OcelLog.ObjectType("order", 2, 4));

            EventLog orders = ocel.flatten("order", "orders", 1000);
            assertThat(cases(orders)).containsExactly("o1: place order, send package, pay order", "o2: place order");
            assertThat(orders.resourceName(orders.resource(0))).isEqualTo("Alice");
            // e6 is at 10:00 UTC (+01:00): before the pay order, after the place order
            assertThat(Instant.ofEpochMilli(orders.timestamp(1))).isEqualTo(Instant.parse("2023-01-01T10:00:00Z"));

            EventLog items = ocel.flatten("item", "items", 1000);
            // e6 (10:00 UTC) comes before i2's pick (10:10) but after i1's (10:00, earlier in the file)
            assertThat(cases(items)).containsExactly("i1: place order, pick item, send package",
                    "i2: place order, send package, pick item", "i3: place order, pick item");
            assertThat(items.eventCount()).isEqualTo(8); // e1 and e6 belong to two item cases each
            List<Variant> variants = VariantMiner.mine(items);
            assertThat(variants).hasSize(3).allSatisfy(v -> assertThat(v.cases()).isEqualTo(1));
            assertThat(DfgMiner.mine(items).startActivities()).containsEntry("place order", 3L);
        }
    }

    @Test
    void theImporterTellsOcelByNameOrContentAndFlattensOnTheChosenType() throws IOException {
        EventLog byContent = LogImporter.importStream(stream(JSON), "upload", null,
                ImportOptions.strict().withObjectType("order")).log();
        assertThat(byContent.caseCount()).isEqualTo(2);
        EventLog xml = LogImporter.importStream(stream(XML), "log.xmlocel", null,
                ImportOptions.strict().withObjectType("item")).log();
        assertThat(xml.caseCount()).isEqualTo(3);
        EventLog xmlByContent = LogImporter.importStream(stream(XML), "log.xml", null,
                ImportOptions.strict().withObjectType("item")).log();
        assertThat(cases(xmlByContent)).isEqualTo(cases(xml));

        assertThatThrownBy(() -> LogImporter.importStream(stream(JSON), "log.jsonocel", null, ImportOptions.strict()))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("choose the object type")
                .hasMessageContaining("item, order");
        assertThatThrownBy(() -> LogImporter.importStream(stream(JSON), "log.jsonocel", null,
                ImportOptions.strict().withObjectType("'; drop table x; --")))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("no object type");
        assertThatThrownBy(() -> OcelReader.read(stream(JSON)).flatten("item", "x", 7))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("more than 7 events");
    }

    @Test
    void hostileAndBrokenOcelIsRefused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<log><object-types/><events><event id=\"e\" type=\"&xxe;\" time=\"2023-01-01T00:00:00Z\"/></events></log>";
        assertThatThrownBy(() -> OcelReader.read(stream(xxe))).isInstanceOf(LogFormatException.class)
                .hasMessageNotContaining("root:");
        assertThatThrownBy(() -> OcelReader.read(stream(XML.substring(0, XML.length() / 2))))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("malformed OCEL XML");
        assertThatThrownBy(() -> OcelReader.read(stream(JSON.substring(0, JSON.length() / 2))))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("OCEL 2.0 JSON");
        assertThatThrownBy(() -> OcelReader.read(stream("{\"events\": 3}")))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("\"events\" and \"objects\" arrays");
        assertThatThrownBy(() -> OcelReader.read(stream(JSON.replace("2023-01-01T10:10:00Z", "soon"))))
                .isInstanceOf(LogFormatException.class).hasMessageContaining("e4").hasMessageContaining("'soon'");
    }

    private static List<String> cases(EventLog log) {
        List<String> result = new ArrayList<>();
        for (int c = 0; c < log.caseCount(); c++) {
            List<String> activities = new ArrayList<>();
            for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                activities.add(log.activityName(log.activity(e)));
            }
            result.add(log.caseId(c) + ": " + String.join(", ", activities));
        }
        result.sort(null);
        return result;
    }

    static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
