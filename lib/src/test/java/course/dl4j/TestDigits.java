package course.dl4j;

import course.data.mnist.Mnist;
import java.util.SplittableRandom;

/** Small MNIST-shaped data for tests: class c is a bright bar on rows 2c+3 and 2c+4, over noise. */
final class TestDigits {
    private TestDigits() {
    }

    static Mnist.Images images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * Mnist.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(10);
            labels[i] = (byte) label;
            for (int p = 0; p < Mnist.PIXELS; p++) {
                int row = p / Mnist.COLUMNS;
                int value = random.nextInt(60);
                if (row == 2 * label + 3 || row == 2 * label + 4) {
                    value += 150 + random.nextInt(40);
                }
                pixels[i * Mnist.PIXELS + p] = (byte) value;
            }
        }
        return new Mnist.Images(pixels, labels, count);
    }

    static Mnist.Digits digits(int train, int test) {
        return new Mnist.Digits(images(train, 1), images(test, 2));
    }
}
