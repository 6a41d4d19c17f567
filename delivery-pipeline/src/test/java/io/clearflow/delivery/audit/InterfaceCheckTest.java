package io.clearflow.delivery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.testmetrics.api.SarifFindings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceCheckTest {

    static final String DEFINITIONS = """
            function,direction,param,type,mandatory
            331100,in,fund_account,string,Y
            331100,in,amount,decimal,Y
            331100,in,remark,string,N
            331100,out,serial_no,int,Y
            """;

    static final String CALLS_JSON = """
            [{"function":"331100","direction":"in","param":"fund_account","type":"string","path":"trade/order.c","line":12},
             {"function":"331100","direction":"in","param":"amount","type":"string","path":"trade/order.c","line":12},
             {"function":"331100","direction":"out","param":"serial_no","type":"int","path":"trade/order.c","line":12},
             {"function":"331100","direction":"in","param":"fund_account","type":"string","path":"trade/cancel.c","line":40},
             {"function":"331100","direction":"in","param":"amount","type":"decimal","path":"trade/cancel.c","line":40},
             {"function":"331100","direction":"in","param":"branch","type":"int","path":"trade/cancel.c","line":40},
             {"function":"999999","direction":"in","param":"x","type":"int","path":"trade/misc.c","line":3}]
            """;

    private static List<InterfaceCheck.Param> read(String text, boolean definitions) throws Exception {
        return InterfaceCheck.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), definitions);
    }

    @Test
    void typesAndMandatoryFieldsAreCheckedPerCall() throws Exception {
        List<SarifFindings.Finding> findings = InterfaceCheck.check(read(DEFINITIONS, true), read(CALLS_JSON, false));
        assertThat(findings).extracting(f -> f.ruleId() + "@" + f.uri() + ":" + f.startLine() + "/" + f.level())
                .containsExactlyInAnyOrder(
                        "interface.type@trade/order.c:12/error",           // amount passed as string
                        "interface.unknownParam@trade/cancel.c:40/warning", // branch is not defined
                        "interface.mandatory@trade/cancel.c:40/error",      // serial_no out is not read
                        "interface.unknownFunction@trade/misc.c:3/warning");
        assertThat(findings).allSatisfy(f -> assertThat(f.tool()).isEqualTo("interface-check"));
        assertThat(findings.stream().filter(f -> f.ruleId().equals("interface.type")).findFirst().orElseThrow().message())
                .contains("amount", "decimal");
    }

    @Test
    void csvCallsReadLikeJsonAndBadFilesAreRefused() throws Exception {
        var csv = read("function,direction,param,type,path,line\n331100,in,amount,string,trade/order.c,12\n", false);
        assertThat(csv).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo("string");
            assertThat(p.line()).isEqualTo(12);
        });
        assertThatThrownBy(() -> read("function,direction,param,type,mandatory\n1,sideways,a,int,Y\n", true))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> read("[{\"function\":\"1\"}]", false)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> read("[not json", false)).isInstanceOf(InvalidRequestException.class);
    }
}
