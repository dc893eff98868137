package course.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One JShell for the whole class: creating it loads javac. Tests use distinct names so order does not matter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JShellEvaluatorTest {
    private JShellEvaluator shell;
    private int cell;

    @BeforeAll
    void start() {
        shell = new JShellEvaluator(System.out, System.err);
    }

    @AfterAll
    void stop() {
        if (shell != null) {
            shell.close();
        }
    }

    private JShellEvaluator.Result eval(String code) throws CellError {
        return shell.eval(code, ++cell);
    }

    private CellError fails(String code) {
        return assertThrows(CellError.class, () -> eval(code));
    }

    private static boolean anyLineContains(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    // ---- values ----------------------------------------------------------------------------------

    @Test
    void expressionReturnsItsValueObject() throws CellError {
        JShellEvaluator.Result result = eval("6 * 7");
        assertTrue(result.hasValue());
        assertEquals(Integer.valueOf(42), result.value());
        assertEquals("hi!", eval("\"hi\" + \"!\"").value());
    }

    @Test
    void recordInstanceIsReturnedAsTheObjectItself() throws CellError {
        eval("record ValuePoint(int x, int y) {}");
        JShellEvaluator.Result result = eval("new ValuePoint(3, 4)");
        assertTrue(result.hasValue());
        Object value = result.value();
        assertTrue(value.getClass().isRecord(), value.getClass().toString());
        assertEquals("ValuePoint", value.getClass().getSimpleName());
        assertEquals("ValuePoint[x=3, y=4]", value.toString());
    }

    @Test
    void lastSnippetOfTheCellGivesTheValue() throws CellError {
        JShellEvaluator.Result result = eval("int lastA = 2;\nint lastB = 3;\nlastA * lastB");
        assertEquals(6, result.value());
    }

    @Test
    void declarationsAndStatementsReturnNoValue() throws CellError {
        assertFalse(eval("int declared = 5;").hasValue());
        assertFalse(eval("void declaredMethod() {}").hasValue());
        assertFalse(eval("class DeclaredClass {}").hasValue());
        assertFalse(eval("import java.time.*;").hasValue());
        assertFalse(eval("for (int i = 0; i < 2; i++) { declared += i; }").hasValue());
        assertFalse(eval("declaredMethod()").hasValue(), "a void call has no value");
        assertFalse(eval("").hasValue());
    }

    @Test
    void variableReferenceAndAssignmentShowTheValue() throws CellError {
        eval("int assigned = 1;");
        assertEquals(1, eval("assigned").value());
        assertEquals(9, eval("assigned = 9").value());
        assertEquals(9, eval("assigned").value());
    }

    @Test
    void nullValueIsAValue() throws CellError {
        JShellEvaluator.Result result = eval("(String) null");
        assertTrue(result.hasValue());
        assertEquals(null, result.value());
    }

    @Test
    void notebookHelpersAreVisible() throws CellError {
        JShellEvaluator.Result id = eval("display(\"shown\")");
        assertInstanceOf(String.class, id.value(), "display returns its id as a String, as in IJava");
        assertTrue(id.computed(), "the value of a call, not of a variable: the kernel shows no Out[n] for it");
        eval("String heldId = display(\"held\");");
        assertFalse(eval("heldId").computed(), "a variable named on its own is shown");
        assertEquals(Optional.empty(), eval("Renderers.typeFor(Thread.class)").value(), "Renderers is imported");
        eval("record Renderer(int sides) {}");
        assertEquals(3, eval("new Renderer(3).sides()").value(), "a learner's own class wins over the imported name");
        assertEquals(List.of(1, 2), eval("List.of(1, 2)").value(), "java.util.* is imported");
    }

    // ---- state across cells --------------------------------------------------------------------

    @Test
    void stateSurvivesFailingCellsAndImports() throws CellError {
        eval("record Kept(int n, String s) {}\nKept kept = new Kept(7, \"seven\");\nint counterKept = 10;");

        CellError runtime = fails("counterKept = 11;\nint boom = 1 / 0;");
        assertEquals("ArithmeticException", runtime.name());
        assertEquals(11, eval("counterKept").value(), "snippets before the failing one ran");

        CellError compile = fails("undefinedThing(3);");
        assertEquals("CompilationError", compile.name());

        eval("import java.util.concurrent.atomic.*;\n"
                + "AtomicInteger atomicKept = new AtomicInteger();\n"
                + "Runnable bumpKept = () -> atomicKept.addAndGet(kept.n());\n"
                + "bumpKept.run();");
        assertEquals(7, ((java.util.concurrent.atomic.AtomicInteger) eval("atomicKept").value()).get());

        Object value = eval("kept").value();
        assertTrue(value != null && value.getClass().isRecord(), "kept lost its value: " + value);
        assertEquals("Kept[n=7, s=seven]", value.toString());
        assertEquals(11, eval("counterKept").value());
        assertEquals("seven", eval("kept.s()").value());
    }

    @Test
    void redeclaringAMethodReplacesIt() throws CellError {
        eval("int twice(int x) { return 2 * x; }");
        assertEquals(8, eval("twice(4)").value());
        eval("int twice(int x) { return 3 * x; }");
        assertEquals(12, eval("twice(4)").value());
    }

    // ---- redeclarations keep values, as in plain jshell (the agent redefines classes in place) ------

    @Test
    void testsRunWithTheKernelsAgent() {
        assertNotNull(ClassRedefinition.instrumentation(), "surefire starts the JVM with -javaagent, as kernel.json does");
    }

    @Test
    void aValueComputedWithARedeclaredMethodKeepsIt() throws CellError {
        eval("int rdF() { return 1; }");
        eval("var rdV = rdF();");
        eval("int rdF() { return 2; }");
        assertEquals(1, eval("rdV").value(), "JShell's local engine alone resets it to 0");
        assertEquals(2, eval("rdF()").value());
    }

    @Test
    void objectsOfARedeclaredClassKeepTheirStateAndGetTheNewMethods() throws CellError {
        eval("class RdBox { int v = 5; int get() { return v; } }\nRdBox rdBox = new RdBox();\nrdBox.v = 7;");
        eval("class RdBox { int v = 5; int get() { return v * 10; } }");
        assertEquals(70, eval("rdBox.get()").value());
    }

    @Test
    void aClassUsingARedeclaredMethodCallsTheNewOne() throws CellError {
        eval("int rdG() { return 1; }\nclass RdUser { int use() { return rdG(); } }\nRdUser rdUser = new RdUser();");
        eval("int rdG() { return 3; }");
        assertEquals(3, eval("rdUser.use()").value());
    }

    @Test
    void aRecordWhoseBodiesChangedKeepsItsValues() throws CellError {
        eval("record RdPt(int x) { int twice() { return 2 * x; } }\nRdPt rdPt = new RdPt(4);\nvar rdPts = List.of(rdPt);");
        eval("record RdPt(int x) { int twice() { return x + x + 1; } }");
        assertEquals("RdPt[x=4]", String.valueOf(eval("rdPt").value()));
        assertEquals(9, eval("rdPts.get(0).twice()").value());
    }

    @Test
    void aChangedShapeCannotKeepTheValue() throws CellError {
        eval("class RdJar { int a = 1; }\nRdJar rdJar = new RdJar();");
        eval("class RdJar { int a = 1; int b = 2; }");
        assertEquals(null, eval("rdJar").value(), "a field was added: the JVM cannot redefine the class in place");
        eval("int rdH() { return 4; }\nvar rdW = rdH();");
        eval("String rdH() { return \"four\"; }");
        CellError gone = fails("rdW");
        assertTrue(gone.getMessage().contains("cannot find symbol"), "rdW was an int, its initializer now gives a String: " + gone.getMessage());
    }

    // ---- %load ----------------------------------------------------------------------------------

    @Test
    void aLoadedFileRunsAndItsErrorsNameTheFilesLines() throws CellError {
        shell.beginCell();
        try {
            shell.runFile("helpers.jsh", "int ldA = 2;\nint ldTwice(int x) { return ldA * x; }\n");
        } finally {
            shell.endCell();
        }
        assertEquals(8, eval("ldTwice(4)").value());
        shell.beginCell();
        CellError compile = assertThrows(CellError.class, () -> shell.runFile("bad.jsh", "int ldB = 1;\nint ldC = ldMissing + 1;"));
        CellError runtime = assertThrows(CellError.class, () -> shell.runFile("worse.jsh", "\nint ldD = 1 / 0;"));
        shell.endCell();
        assertTrue(compile.getMessage().contains("(bad.jsh line 2)"), compile.getMessage());
        assertTrue(compile.getMessage().contains("bad.jsh stopped at snippet 2 of 2"), compile.getMessage());
        assertTrue(compile.getMessage().contains("the rest of the cell did not run"), compile.getMessage());
        assertTrue(runtime.traceback().contains("    at worse.jsh, line 2"), runtime.traceback().toString());
    }

    // ---- errors --------------------------------------------------------------------------------

    @Test
    void runtimeErrorNamesTheCellAndLine() {
        CellError e = fails("int rtA = 1;\nint rtB = 2;\nint rtC = rtA / 0;");
        assertEquals("ArithmeticException", e.name());
        assertTrue(e.getMessage().contains("/ by zero"), e.getMessage());
        assertEquals("java.lang.ArithmeticException: / by zero", e.traceback().get(0));
        assertTrue(anyLineContains(e.traceback(), "cell [" + cell + "], line 3"), e.traceback().toString());
    }

    @Test
    void topLevelFrameReadsAtCellLine() {
        CellError e = fails("int rtTop = 1 / 0;");
        assertTrue(e.traceback().contains("    at cell [" + cell + "], line 1"), e.traceback().toString());
    }

    @Test
    void runtimeErrorLineInsideAMultiLineFirstSnippet() {
        CellError e = fails("for (int i = 0; i < 1; i++) {\n    int rtZ = 5;\n    rtZ = rtZ / (rtZ - 5);\n}");
        assertEquals("ArithmeticException", e.name());
        assertTrue(anyLineContains(e.traceback(), "cell [" + cell + "], line 3"), e.traceback().toString());
    }

    @Test
    void runtimeErrorLineInsideAMultiLineSecondSnippet() {
        CellError e = fails("int rtD = 0;\nfor (int i = 0; i < 1; i++) {\n    rtD = 5;\n    rtD = rtD / (rtD - 5);\n}");
        assertEquals("ArithmeticException", e.name());
        assertTrue(anyLineContains(e.traceback(), "cell [" + cell + "], line 4"), e.traceback().toString());
    }

    @Test
    void runtimeErrorInAMethodDeclaredAsTheSecondSnippet() throws CellError {
        eval("int rtPre = 1;\n\nint divideByZeroLater(int x) {\n    int y = 0;\n    return x / y;\n}");
        int methodCell = cell;
        CellError e = fails("divideByZeroLater(1)");
        assertTrue(anyLineContains(e.traceback(), "divideByZeroLater (cell [" + methodCell + "], line 5)"),
                e.traceback().toString());
    }

    @Test
    void runtimeErrorLineAfterBlankLines() {
        CellError e = fails("int rtE = 1;\n\n\nint rtF = rtE / 0;");
        assertEquals("ArithmeticException", e.name());
        assertTrue(anyLineContains(e.traceback(), "cell [" + cell + "], line 4"), e.traceback().toString());
    }

    @Test
    void runtimeErrorInAMethodNamesTheMethodAndItsCell() throws CellError {
        eval("int divideByZero(int x) {\n    int y = 0;\n    return x / y;\n}");
        int methodCell = cell;
        CellError e = fails("int rtG = 3;\ndivideByZero(rtG)");
        assertEquals("ArithmeticException", e.name());
        assertTrue(anyLineContains(e.traceback(), "divideByZero (cell [" + methodCell + "], line 3)"), e.traceback().toString());
        assertTrue(anyLineContains(e.traceback(), "cell [" + cell + "], line 2"), e.traceback().toString());
        assertFalse(anyLineContains(e.traceback(), "jdk.jshell"), e.traceback().toString());
    }

    @Test
    void uncheckedExceptionFromLibraryCode() {
        CellError e = fails("Integer.parseInt(\"x1\")");
        assertEquals("NumberFormatException", e.name());
        assertTrue(e.getMessage().contains("For input string: \"x1\""), e.getMessage());
    }

    @Test
    void exceptionCauseIsInTheTraceback() {
        CellError e = fails("throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"));");
        assertEquals("RuntimeException", e.name());
        assertTrue(anyLineContains(e.traceback(), "Caused by: java.lang.IllegalStateException: inner"), e.traceback().toString());
    }

    @Test
    void compileErrorNamesTheCellLine() {
        CellError e = fails("int ceA = 1;\nint ceB = \"text\";");
        assertEquals("CompilationError", e.name());
        assertTrue(e.getMessage().contains("cell line 2"), e.getMessage());
        assertTrue(anyLineContains(e.traceback(), "cell line 2:"), e.traceback().toString());
        assertTrue(anyLineContains(e.traceback(), "int ceB = \"text\";"), e.traceback().toString());
    }

    @Test
    void compileErrorAfterABlankLine() {
        CellError e = fails("int ceC = 1;\n\nString ceD = ceC.length();");
        assertEquals("CompilationError", e.name());
        assertTrue(e.getMessage().contains("cell line 3"), e.getMessage());
    }

    @Test
    void compileErrorOnALaterLineOfAMultiLineSnippet() {
        CellError e = fails("int ceE = 1;\nvoid ceF() {\n    int a = 1;\n    a.foo();\n}");
        assertEquals("CompilationError", e.name());
        assertTrue(e.getMessage().contains("cell line 4"), e.getMessage());
    }

    @Test
    void compileErrorOnTheFirstLine() {
        CellError e = fails("int ceG = missingVariable + 1;");
        assertEquals("CompilationError", e.name());
        assertTrue(e.getMessage().contains("cell line 1"), e.getMessage());
        assertTrue(anyLineContains(e.traceback(), "missingVariable"), e.traceback().toString());
    }

    @Test
    void incompleteCell() {
        CellError e = fails("int incA = 1;\nvoid incB() {\n    int x = 1;");
        assertEquals("IncompleteCell", e.name());
        assertTrue(e.getMessage().contains("cell line 2"), e.getMessage());
        assertEquals("IncompleteCell", fails("int incC = (1 + ").name());
    }

    // ---- completeness, completion, inspection --------------------------------------------------

    @Test
    void completeness() {
        assertEquals(JShellEvaluator.Status.COMPLETE, shell.completeness("int x = 1;"));
        assertEquals(JShellEvaluator.Status.COMPLETE, shell.completeness("int x = 1;\nx + 1"));
        assertEquals(JShellEvaluator.Status.COMPLETE, shell.completeness(""));
        assertEquals(JShellEvaluator.Status.INCOMPLETE, shell.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals(JShellEvaluator.Status.INCOMPLETE, shell.completeness("int x = 1;\nvoid f() {"));
        assertEquals(JShellEvaluator.Status.INVALID, shell.completeness("}"));
        assertEquals(JShellEvaluator.Status.INVALID, shell.completeness("int x = ;"));
    }

    @Test
    void completionOfAStaticMethod() {
        String code = "System.currentTi";
        JShellEvaluator.Completions completions = shell.complete(code, code.length());
        assertTrue(completions.matches().contains("currentTimeMillis()"), completions.matches().toString());
        assertEquals(code.indexOf("currentTi"), completions.start());
    }

    @Test
    void completionInTheSecondSnippetHasAnAbsoluteStart() {
        String code = "int compA = 1;\ndouble compB = Math.sqr";
        JShellEvaluator.Completions completions = shell.complete(code, code.length());
        assertTrue(completions.matches().contains("sqrt("), completions.matches().toString());
        assertEquals(code.indexOf("sqr"), completions.start());
    }

    @Test
    void completionWithTheCursorInsideTheCell() {
        String code = "int compC = 1;\nSystem.currentTi\nint compD = 2;";
        int cursor = code.indexOf("currentTi") + "currentTi".length();
        JShellEvaluator.Completions completions = shell.complete(code, cursor);
        assertTrue(completions.matches().contains("currentTimeMillis()"), completions.matches().toString());
        assertEquals(code.indexOf("currentTi"), completions.start());
    }

    @Test
    void completionOfADeclaredVariable() throws CellError {
        eval("double learningRateForCompletion = 0.1;");
        String code = "learningRateFor";
        JShellEvaluator.Completions completions = shell.complete(code, code.length());
        assertTrue(completions.matches().contains("learningRateForCompletion"), completions.matches().toString());
        assertEquals(0, completions.start());
    }

    @Test
    void inspectALibraryMethod() {
        Optional<String> doc = shell.inspect("Math.abs", "Math.abs".length());
        assertTrue(doc.isPresent());
        assertTrue(doc.get().contains("abs"), doc.get());
    }

    @Test
    void inspectADeclaredVariableShowsTypeAndValue() throws CellError {
        eval("double inspectedRate = 0.25;");
        Optional<String> doc = shell.inspect("inspectedRate", "inspectedRate".length());
        assertTrue(doc.isPresent());
        assertTrue(doc.get().contains("double"), doc.get());
        assertTrue(doc.get().contains("0.25"), doc.get());
    }

    @Test
    void inspectAVariableInTheSecondSnippet() throws CellError {
        eval("List<String> inspectedList = new ArrayList<>(List.of(\"a\", \"b\"));");
        String code = "int other = 1;\ninspectedList";
        Optional<String> doc = shell.inspect(code, code.length());
        assertTrue(doc.isPresent());
        assertTrue(doc.get().contains("List<String>"), doc.get());
        assertTrue(doc.get().contains("[a, b]"), doc.get());
    }

    @Test
    void inspectNothing() {
        assertTrue(shell.inspect("   ", 3).isEmpty());
    }

    @Test
    void lineOf() {
        assertEquals(1, JShellEvaluator.lineOf("abc", 0));
        assertEquals(1, JShellEvaluator.lineOf("abc\ndef", 3));
        assertEquals(2, JShellEvaluator.lineOf("abc\ndef", 4));
        assertEquals(3, JShellEvaluator.lineOf("a\n\nb", 100));
    }
}
