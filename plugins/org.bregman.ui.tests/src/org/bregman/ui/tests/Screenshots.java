package org.bregman.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/**
 * Screenshots of the test workbench (a person looks at them: icons, dialogs), written to
 * {@code target/screenshots/NAME.png} of this module, or the folder of -Dbregman.screenshots.
 */
final class Screenshots {
	private Screenshots() {
	}

	static Path take(String name) {
		Display d = Display.getCurrent();
		while (d.readAndDispatch()) {
			// paint what is pending before copying the screen
		}
		Rectangle b = d.getBounds();
		Image img = new Image(d, b.width, b.height);
		GC gc = new GC(d);
		try {
			gc.copyArea(img, 0, 0);
			ImageData data = img.getImageData();
			Path dir = Path.of(System.getProperty("bregman.screenshots", "target/screenshots")).toAbsolutePath();
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			ImageLoader l = new ImageLoader();
			l.data = new ImageData[] { data };
			l.save(file.toString(), SWT.IMAGE_PNG);
			System.out.println("screenshot: " + file);
			return file;
		} catch (java.io.IOException e) {
			throw new AssertionError(e);
		} finally {
			gc.dispose();
			img.dispose();
		}
	}
}
