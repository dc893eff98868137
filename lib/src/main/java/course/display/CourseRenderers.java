package course.display;

import course.kernel.RendererProvider;
import course.kernel.Renderers;
import course.plot.Figure;
import course.plot.JsplotFigure;

/**
 * How lib's types show in the course kernel, registered when the kernel first renders something
 * (listed in {@code META-INF/services/course.kernel.RendererProvider}): figures as plotly HTML with
 * a PNG and their plotly JSON, the course's and tablesaw's tables as compact HTML, tablesaw-jsplot's figures as the course's are.
 */
public final class CourseRenderers implements RendererProvider {
    @Override
    public void registerRenderers() {
        Renderers.register(Figure.class, Figure::mimeBundle);
        Renderers.register(Table.class, Table::mimeBundle);
        Renderers.register(tech.tablesaw.api.Table.class, table -> TableView.of(table).mimeBundle());
        Renderers.register(tech.tablesaw.plotly.components.Figure.class, figure -> JsplotFigure.of(figure).mimeBundle());
    }
}
