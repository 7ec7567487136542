package dev.bulkhead.check.authority.cel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CEL subset: what it evaluates as the API server does, and what it refuses to evaluate. */
class CelExpressionTest {

    private static final Map<String, Object> USER_INFO = Map.of("username", "system:serviceaccount:ops:shop-workspace",
            "groups", List.of("system:serviceaccounts", "system:authenticated"));
    private static final Map<String, Object> REQUEST = Map.of(
            "request", Map.of("operation", "UPDATE", "userInfo", USER_INFO),
            "object", Map.of("metadata", Map.of("name", "default", "labels", Map.of("app", "web")),
                    "spec", Map.of("volumes", List.of(Map.of("name", "a"),
                            Map.of("name", "t", "projected", Map.of("sources", List.of(
                                    Map.of("serviceAccountToken", Map.of("path", "token")))))))),
            "oldObject", Map.of("metadata", Map.of("name", "default")));

    private static Object eval(String text) throws CelException {
        return CelExpression.parse(text).evaluate(REQUEST);
    }

    @Test
    void literalsOperatorsAndPrecedence() throws CelException {
        assertEquals(true, eval("1 + 2 == 3 && 'a' + 'b' == 'ab'"));
        assertEquals(true, eval("true || false && false"), "&& binds tighter than ||");
        assertEquals(false, eval("!true || false"));
        assertEquals(2L, eval("false ? 1 : true ? 2 : 3"), "the conditional is right-associative");
        assertEquals(true, eval("'it\\'s' == \"it's\""));
        assertEquals(true, eval("2 < 3 && 3 <= 3 && 'b' > 'a' && -1 < 0"));
        assertEquals(List.of(1L, 2L), eval("[1, 2]"));
    }

    @Test
    void fieldsListsAndMaps() throws CelException {
        assertEquals(true, eval("request.userInfo.username.startsWith('system:serviceaccount:ops:')"));
        assertEquals(true, eval("'system:authenticated' in request.userInfo.groups"));
        assertEquals(false, eval("'bulkhead:platform-admins' in request.userInfo.groups"));
        assertEquals(true, eval("'app' in object.metadata.labels && object.metadata.labels['app'] == 'web'"));
        assertEquals(true, eval("object.metadata.name in ['default', 'other']"));
        assertEquals(2L, eval("size(object.spec.volumes)"));
        assertEquals(true, eval("object.metadata.labels == {'app': 'web'}"));
        assertEquals(true, eval("request.userInfo.username in []") == Boolean.FALSE);
    }

    @Test
    void hasTestsPresenceAndReadingAnAbsentFieldIsAnError() throws CelException {
        assertEquals(true, eval("has(object.metadata.labels)"));
        assertEquals(false, eval("has(oldObject.metadata.labels)"));
        CelException absent = assertThrows(CelException.class, () -> eval("oldObject.metadata.labels['app'] == 'x'"));
        assertEquals(CelException.Kind.EVALUATION, absent.kind());
        // has() of a field of an absent parent is an error too: guards test parents first
        assertThrows(CelException.class, () -> eval("has(oldObject.spec.template)"));
    }

    @Test
    void andAndOrAbsorbAnErrorWhenTheOtherSideDecides() throws CelException {
        assertEquals(false, eval("oldObject.spec.x == 1 && false"));
        assertEquals(true, eval("true || oldObject.spec.x == 1"));
        assertEquals(true, eval("oldObject.spec.x == 1 || true"));
        assertThrows(CelException.class, () -> eval("oldObject.spec.x == 1 || false"));
        assertThrows(CelException.class, () -> eval("true && oldObject.spec.x == 1"));
    }

    @Test
    void existsAndAllMacros() throws CelException {
        assertEquals(true, eval("object.spec.volumes.exists(v, has(v.projected) && "
                + "v.projected.sources.exists(s, has(s.serviceAccountToken)))"));
        assertEquals(false, eval("object.spec.volumes.all(v, has(v.projected))"));
        assertEquals(true, eval("[1, 2, 3].all(x, x > 0)"));
        assertEquals(true, eval("['a', 'b'].exists(k, k == 'b')"));
    }

    @Test
    void variablesAreComputedWhenRead() throws CelException {
        var names = new java.util.HashMap<>(REQUEST);
        int[] reads = {0};
        names.put("variables", Map.of("platform", (CelExpression.Lazy) () -> {
            reads[0]++;
            return false;
        }));
        assertTrue(CelExpression.parse("variables.platform || request.operation == 'UPDATE'").test(names));
        assertEquals(1, reads[0]);
        assertTrue(CelExpression.parse("true || variables.platform").test(names));
        assertEquals(1, reads[0], "a decided || does not read its right side");
        assertFalse(CelExpression.parse("variables.platform").test(names));
    }

    @Test
    void whatIsOutsideTheSubsetIsRefusedNotGuessed() {
        for (String text : List.of("object.metadata.name.matches('^d')", "authorizer.group('').check('x')",
                "object.spec.volumes.map(v, v.name)", "params.x == 1", "size(object.metadata.name) > 1u")) {
            CelException e = assertThrows(CelException.class, () -> eval(text), text);
            assertEquals(CelException.Kind.UNSUPPORTED, e.kind(), text + ": " + e.getMessage());
        }
        assertEquals(CelException.Kind.SYNTAX, assertThrows(CelException.class, () -> eval("(1 + ")).kind());
        assertEquals(CelException.Kind.SYNTAX, assertThrows(CelException.class, () -> eval("a b")).kind());
        // an unsupported function on the side that decides is not guessed either
        assertEquals(CelException.Kind.UNSUPPORTED, assertThrows(CelException.class,
                () -> eval("false || object.metadata.name.matches('x')")).kind());
        assertThrows(CelException.class, () -> CelExpression.parse("1 + 1").test(Map.of()),
                "a non-boolean is not a decision");
    }

    @Test
    void thePartsThatReadTheRequesterAreFoundWhole() throws CelException {
        Map<String, Object> requester = Map.of("request", Map.of("userInfo", USER_INFO));
        List<CelExpression> parts = CelExpression.parse("'admins' in request.userInfo.groups || "
                + "request.userInfo.username.startsWith('system:serviceaccount:ops:') || request.operation == 'DELETE'")
                .partsReading("request", "userInfo").orElseThrow();
        assertEquals(1, parts.size(), "the two tests of the requester are one part; the operation is not in it");
        assertEquals(true, parts.get(0).evaluate(requester));

        parts = CelExpression.parse("object.spec.volumes.exists(v, v.name == request.userInfo.username) && "
                + "has(request.userInfo.groups)").partsReading("request", "userInfo").orElseThrow();
        assertEquals(List.of("system:serviceaccount:ops:shop-workspace", true), List.of(
                parts.get(0).evaluate(requester), parts.get(1).evaluate(requester)),
                "compared with the object, the user name itself is the part");

        assertEquals(List.of(), CelExpression.parse("object.spec.volumes.exists(request, request.userInfo == 'x') "
                + "&& request.operation == 'UPDATE'").partsReading("request", "userInfo").orElseThrow(),
                "a comprehension variable of the same name is not the request");
        assertEquals(List.of(), CelExpression.parse("object.metadata.name == 'default'")
                .partsReading("request", "userInfo").orElseThrow());
        for (String whole : List.of("request['userInfo'].username == 'x'", "size(request) > 0",
                "request.userInfo.username == 'x' || request == oldObject")) {
            assertTrue(CelExpression.parse(whole).partsReading("request", "userInfo").isEmpty(),
                    whole + ": the request read whole hides what is read of the requester");
        }
    }
}
