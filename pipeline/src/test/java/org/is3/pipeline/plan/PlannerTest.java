package org.is3.pipeline.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    @TempDir
    Path dir;

    private Path classes(String... lines) throws IOException {
        Path file = dir.resolve("classes.txt");
        Files.write(file, List.of(lines));
        return file;
    }

    private RunConfig parse(String yaml) {
        return RunConfigReader.parse(yaml, dir, "run.yaml");
    }

    @Test
    void everyUnorderedPairOnceWithNamesPromptsAndTokens() throws IOException {
        classes("# VGG-SS style", "acoustic guitar", "dog", "", "cat", "dog");
        List<PlannedImage> plan = Planner.plan(parse("name: t\nseed: 3\ncategories: {file: classes.txt}\n"));
        // 3 distinct classes (dog listed twice) -> 3 unordered pairs, one image each
        assertEquals(3, plan.size());
        Set<Set<String>> pairs = new HashSet<>();
        for (int n = 0; n < plan.size(); n++) {
            PlannedImage p = plan.get(n);
            assertEquals(p.c1() + "_" + p.c2() + "_" + n, p.base());
            assertNotEquals(p.c1(), p.c2());
            pairs.add(Set.of(p.c1(), p.c2()));
            String label1 = p.c1().equals("acousticguitar") ? "acoustic guitar" : p.c1();
            String label2 = p.c2().equals("acousticguitar") ? "acoustic guitar" : p.c2();
            assertTrue(RunConfig.PAPER_TEMPLATES.stream()
                    .anyMatch(t -> t.replace("{c1}", label1).replace("{c2}", label2).equals(p.prompt())),
                    p.prompt());
        }
        assertEquals(Set.of(Set.of("acousticguitar", "dog"), Set.of("acousticguitar", "cat"),
                Set.of("dog", "cat")), pairs);
    }

    @Test
    void imagesOfAPairCycleThroughAllTemplatesBeforeRepeating() {
        RunConfig c = parse("name: t\ncategories: {shapes: 2}\nimages_per_pair: 4\n"
                + "templates: ['{c2} under {c1}']\n");
        List<PlannedImage> plan = Planner.plan(c);
        assertEquals(4, plan.size());
        Set<String> shapes = new HashSet<>();
        for (PlannedImage p : plan.subList(0, 4)) {
            String t = p.prompt().replace(p.c1(), "{c1}").replace(p.c2(), "{c2}");
            shapes.add(t);
        }
        assertEquals(4, shapes.size(), "3 paper templates + 1 user template, each once: " + shapes);
        assertEquals(4, plan.stream().map(PlannedImage::base).distinct().count());
        assertEquals(4, plan.stream().map(PlannedImage::seed).distinct().count());
    }

    @Test
    void theSameConfigGivesTheSamePlanAndAnotherSeedAnotherOne() {
        RunConfig c = parse("name: t\nseed: 11\ncategories: {shapes: 6}\nimages_per_pair: 2\n");
        assertEquals(Planner.plan(c), Planner.plan(c));
        RunConfig other = parse("name: t\nseed: 12\ncategories: {shapes: 6}\nimages_per_pair: 2\n");
        assertNotEquals(Planner.plan(c), Planner.plan(other));
        assertEquals(30, Planner.plan(c).size(), "15 pairs x 2");
    }

    @Test
    void aLimitedPlanIsAPrefixOfTheUnlimitedOne() {
        RunConfig c = parse("name: t\nseed: 5\ncategories: {shapes: 5}\n");
        List<PlannedImage> all = Planner.plan(c);
        assertEquals(10, all.size());
        assertEquals(all.subList(0, 4), Planner.plan(c.withLimit(4)));
        assertEquals(all, Planner.plan(c.withLimit(1000)));
    }

    @Test
    void excludedCategoriesAndPairsNeverAppear() throws IOException {
        classes("dog", "cat", "piano", "violin");
        RunConfig c = parse("name: t\ncategories: {file: classes.txt}\n"
                + "exclude: {categories: [violin], pairs: [[piano, dog]]}\n");
        List<PlannedImage> plan = Planner.plan(c);
        Set<Set<String>> pairs = new HashSet<>();
        plan.forEach(p -> pairs.add(Set.of(p.c1(), p.c2())));
        assertEquals(Set.of(Set.of("dog", "cat"), Set.of("cat", "piano")), pairs);
    }

    @Test
    void userTemplatesRepeatingAPaperTemplateAreKeptOnce() {
        RunConfig c = parse("name: t\ncategories: {shapes: 3}\ntemplates: ['{c1} is next to {c2}']\n");
        assertEquals(RunConfig.PAPER_TEMPLATES, c.templates());
        RunConfig only = parse("name: t\ncategories: {shapes: 3}\npaper_templates: false\n"
                + "templates: ['{c1} with {c2}']\n");
        assertEquals(List.of("{c1} with {c2}"), only.templates());
    }

    @Test
    void errorsNameTheFileAndTheField() throws IOException {
        assertMessage("run.yaml: unknown key 'imagez_per_pair'",
                () -> parse("name: t\ncategories: {shapes: 3}\nimagez_per_pair: 2\n"));
        assertMessage("run.yaml: 'name' is missing", () -> parse("categories: {shapes: 3}\n"));
        assertMessage("run.yaml: 'categories' is missing", () -> parse("name: t\n"));
        assertMessage("template '{c1} alone' must contain both {c1} and {c2}",
                () -> parse("name: t\ncategories: {shapes: 3}\ntemplates: ['{c1} alone']\n"));
        assertMessage("run.yaml: 'limit' must be a whole number, got 'many'",
                () -> parse("name: t\ncategories: {shapes: 3}\nlimit: many\n"));
        assertMessage("run name 'a/b' must match",
                () -> parse("name: a/b\ncategories: {shapes: 3}\n"));
        assertMessage("categories.file " + dir.resolve("missing.txt") + " cannot be read",
                () -> Planner.plan(parse("name: t\ncategories: {file: missing.txt}\n")));
        classes("dog", "cat");
        assertMessage("exclude.categories: 'horse' is not a category of the run",
                () -> Planner.plan(parse("name: t\ncategories: {file: classes.txt}\n"
                        + "exclude: {categories: [horse]}\n")));
        assertMessage("the exclusions leave no category pair",
                () -> Planner.plan(parse("name: t\ncategories: {file: classes.txt}\n"
                        + "exclude: {pairs: [[cat, dog]]}\n")));
        classes("Dog", "dog", "cat");
        assertMessage("line 2: class 'dog' and class 'Dog' both become the name token 'dog'",
                () -> Planner.plan(parse("name: t\ncategories: {file: classes.txt}\n")));
        assertMessage("run.yaml: not valid YAML", () -> parse("name: [t\n"));
    }

    @Test
    void theStoredYamlReadsBackToTheSameConfig() throws IOException {
        classes("dog", "cat", "piano");
        RunConfig c = parse("name: t\nseed: -4\ncategories: {file: classes.txt}\nimages_per_pair: 2\n"
                + "limit: 3\ntemplates: ['{c1} with {c2}']\nexclude: {pairs: [[cat, dog]]}\nimage_size: 64\n");
        RunConfig back = RunConfigReader.parse(RunConfigReader.toYaml(c), null, "stored");
        assertEquals(c, back);
        assertEquals(Planner.plan(c), Planner.plan(back));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable run) {
        InputException e = assertThrows(InputException.class, run);
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
    }
}
