package dev.stagesmith.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module layering of ARCHITECTURE.md: grammar knows nothing of editors, command lines or I/O. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stagesmith");

    @Test
    void grammarDependsOnlyOnTheJdkAndTheAntlrRuntime() {
        classes().that().resideInAPackage("dev.stagesmith.grammar..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.stagesmith.grammar..", "java..", "org.antlr.v4.runtime..")
                .check(CLASSES);
    }

    @Test
    void grammarDoesNoIo() {
        noClasses().that().resideInAPackage("dev.stagesmith.grammar..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .check(CLASSES);
    }

    @Test
    void onlyTheProtocolLayerTouchesLsp4jServicesAndJsonRpc() {
        noClasses().that().resideOutsideOfPackage("dev.stagesmith.server.lsp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.lsp4j.services..",
                        "org.eclipse.lsp4j.jsonrpc..")
                .check(CLASSES);
    }

    @Test
    void theParserInternalsStayInsideTheGrammar() {
        noClasses().that().resideOutsideOfPackage("dev.stagesmith.grammar..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stagesmith.grammar.parse..",
                        "dev.stagesmith.grammar.antlr..")
                .check(CLASSES);
    }

    @Test
    void theEngineNeverReachesIntoTheServerOrAnEditorProtocol() {
        noClasses().that().resideInAPackage("dev.stagesmith.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stagesmith.server..", "org.eclipse.lsp4j..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.stagesmith.server.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.stagesmith.server.cli..")
                .check(CLASSES);
    }
}
