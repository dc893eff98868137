package course.kernel;

/**
 * A library's renderers, found through {@link java.util.ServiceLoader} the first time anything is
 * rendered: a jar on the kernel's class path names its implementation in
 * {@code META-INF/services/course.kernel.RendererProvider}. That way the kernel shows a library's
 * types without knowing the library, and the library needs only this small API, not the kernel.
 */
public interface RendererProvider {
    /** Registers this library's renderers with {@link Renderers#register}. */
    void registerRenderers();
}
