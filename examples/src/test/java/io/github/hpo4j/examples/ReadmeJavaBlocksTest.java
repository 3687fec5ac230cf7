package io.github.hpo4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of the repository's README.md compiles against the modules as written: a block
 * that declares a class compiles as a file; any other block compiles as the body of a method, with
 * the imports the README says it leaves out (every public hpo4j package, java.util, java.nio.file,
 * java.time).
 */
class ReadmeJavaBlocksTest {

    private static final String IMPORTS = String.join("\n",
            "import io.github.hpo4j.core.io.*;", "import io.github.hpo4j.core.sampler.*;",
            "import io.github.hpo4j.core.space.*;", "import io.github.hpo4j.core.storage.*;",
            "import io.github.hpo4j.core.study.*;", "import io.github.hpo4j.core.trial.*;",
            "import io.github.hpo4j.tpe.sampler.*;", "import io.github.hpo4j.tpe.insights.*;",
            "import io.github.hpo4j.search.grid.*;", "import io.github.hpo4j.search.random.*;",
            "import io.github.hpo4j.search.bayes.*;", "import io.github.hpo4j.search.prune.*;",
            "import io.github.hpo4j.search.tune.*;", "import io.github.hpo4j.search.constraint.*;",
            "import io.github.hpo4j.search.report.*;", "import io.github.hpo4j.search.gp.*;",
            "import io.github.hpo4j.search.auto.*;",
            "import io.github.hpo4j.metrics.sweep.*;", "import io.github.hpo4j.metrics.ci.*;",
            "import io.github.hpo4j.samplers.batch.*;", "import io.github.hpo4j.samplers.group.*;",
            "import io.github.hpo4j.samplers.split.*;", "import java.util.*;", "import java.nio.file.*;",
            "import java.time.*;", "");

    @TempDir
    Path out;

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static JavaFileObject source(String className, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    @Test
    void everyJavaBlockOfTheReadme_compiles() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> blocks = javaBlocks(readme);
        assertTrue(blocks.size() >= 7, blocks.size() + " Java blocks");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            String name;
            String code;
            Matcher cls = Pattern.compile("(?m)^public (?:final )?class (\\w+)").matcher(block);
            if (cls.find()) {
                name = cls.group(1);
                code = block;
            } else {
                name = "ReadmeBlock" + i;
                code = IMPORTS + "class " + name + " {\n    static void example() throws Exception {\n" + block
                        + "\n    }\n}\n";
            }
            StringWriter diagnostics = new StringWriter();
            boolean ok = javac.getTask(diagnostics, null, null,
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:none"),
                    null, List.of(source(name, code))).call();
            assertTrue(ok, "README Java block " + (i + 1) + " does not compile:\n" + block + "\n" + diagnostics);
        }
    }
}
