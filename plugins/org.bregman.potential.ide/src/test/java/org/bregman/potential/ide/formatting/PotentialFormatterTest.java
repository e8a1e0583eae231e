package org.bregman.potential.ide.formatting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bregman.potential.ide.PotentialIdeSetup;
import org.bregman.potential.testing.TestResources;
import org.bregman.potential.ide.hover.PotentialHoverText;
import org.bregman.potential.potential.Model;
import org.bregman.potential.potential.PotentialDef;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Injector;

/** The formatter: layout rules, idempotence, and that it never changes the parse (all examples). */
class PotentialFormatterTest {
	private static Injector injector;
	private static PotentialFormatter formatter;

	@BeforeAll
	static void setUp() {
		injector = new PotentialIdeSetup().createInjectorAndDoEMFRegistration();
		formatter = injector.getInstance(PotentialFormatter.class);
	}

	static Stream<Path> examples() throws IOException {
		Path root = Path.of("../../examples").toAbsolutePath().normalize();
		try (Stream<Path> s = Files.walk(root)) {
			List<Path> files = s.filter(p -> p.toString().endsWith(".potential")).sorted().toList();
			assertFalse(files.isEmpty(), "no examples under " + root);
			return files.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("examples")
	void examplesKeepTheirParseAndDerivations(Path file) throws Exception {
		String text = Files.readString(file);
		String once = formatter.format(text);
		assertEquals(once, formatter.format(once), "formatting twice differs from once");
		XtextResource before = parse(text), after = parse(once);
		assertTrue(before.getErrors().isEmpty(), before.getErrors().toString());
		assertTrue(after.getErrors().isEmpty(), after.getErrors().toString());
		Model a = (Model) before.getContents().get(0), b = (Model) after.getContents().get(0);
		assertTrue(EcoreUtil.equals(a, b), "the AST changed");
		assertEquals(derivations(a), derivations(b));
	}

	@Test
	void examplesAreAlreadyFormatted() throws Exception {
		List<Path> changed = new ArrayList<>();
		for (Path f : examples().toList())
			if (!formatter.isFormatted(Files.readString(f)))
				changed.add(f.getFileName());
		assertEquals(List.of(), changed);
	}

	/** formatting/messy.potential (no final newline) is laid out as formatting/messy.formatted.potential, which stays as it is. */
	@Test
	void messyTextIsLaidOut() throws IOException {
		String messy = resource("messy.potential");
		String expected = resource("messy.formatted.potential");
		assertEquals(expected, formatter.format(messy));
		assertEquals(expected, formatter.format(expected));
	}

	@Test
	void nestedAbsAndUnaryMinus() {
		assertEquals("potential P { psi(w) = |w - |w|| * -(w) + e^-w }\n",
				formatter.format("potential P{psi(w)=| w-| w | |*-( w )+e^- w}"));
	}

	@Test
	void textThatDoesNotParseIsFormattedWithoutLosingAnything() {
		String broken = "potential P {  psi(w) = w * ? ) \n}";
		String out = formatter.format(broken);
		assertTrue(out.contains("?"), out);
		assertEquals(out, formatter.format(out));
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = PotentialFormatterTest.class.getResourceAsStream("/formatting/" + name)) {
			assertNotNull(in, "missing test resource formatting/" + name);
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static XtextResource parse(String text) throws IOException {
		return TestResources.parse(injector, text);
	}

	private static List<String> derivations(Model m) {
		return m.getElements().stream().filter(PotentialDef.class::isInstance)
				.map(p -> PotentialHoverText.of((PotentialDef) p, Map.of(), false)).toList();
	}
}
