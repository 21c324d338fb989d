#include "figureexport.h"

#include "widgets/timelinefigure.h"
#include "widgets/timelinemodel.h"

#include <QBuffer>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace {

using widgets::TimelineFigure;

QString formatName(FigureExport::Format format)
{
    switch (format) {
    case FigureExport::Format::Png: return QStringLiteral("PNG");
    case FigureExport::Format::Svg: return QStringLiteral("SVG");
    case FigureExport::Format::Pdf: return QStringLiteral("PDF");
    }
    return {};
}

// The figure's size in the painter's logical pixels (1/96 inch) and on the device.
struct Sizes
{
    QSize logical;
    QSize pixels;
    double scale = 1;   // device pixels per logical pixel: dpi / 96
};

bool figureSizes(const commandline::ExportRequest &r, const TimelineFigure &figure, int dpi, Sizes *s, QString *error)
{
    s->scale = dpi / 96.0;
    const int width = r.size.width() > 0 ? r.size.width() : int(std::lround(TimelineFigure::DefaultWidth * s->scale));
    s->logical.setWidth(int(std::ceil(width / s->scale)));
    if (s->logical.width() < TimelineFigure::MinWidth) {
        *error = QStringLiteral("a figure %1 pixels wide at %2 dpi is too narrow for a timeline: it needs at least %3 pixels")
                     .arg(width)
                     .arg(dpi)
                     .arg(int(std::ceil(TimelineFigure::MinWidth * s->scale)));
        return false;
    }
    int height = r.size.height();
    if (height > 0) {
        s->logical.setHeight(int(std::ceil(height / s->scale)));
        const int least = figure.minimumHeight(s->logical.width());
        if (s->logical.height() < least) {
            *error = QStringLiteral("a figure %1 pixels high at %2 dpi is too short for a timeline: it needs at least %3 pixels")
                         .arg(height)
                         .arg(dpi)
                         .arg(int(std::ceil(least * s->scale)));
            return false;
        }
    } else {
        // The natural height, cut to what a picture can hold (the figure then says what it left out).
        s->logical.setHeight(std::min(figure.naturalHeight(s->logical.width()), int(FigureExport::MaxPixels / s->scale)));
        height = int(std::ceil(s->logical.height() * s->scale));
    }
    s->pixels = QSize(width, height);
    if (width > FigureExport::MaxPixels || height > FigureExport::MaxPixels) {
        *error = QStringLiteral("a figure of %1×%2 pixels is too large: at most %3 pixels each way")
                     .arg(width)
                     .arg(height)
                     .arg(FigureExport::MaxPixels);
        return false;
    }
    return true;
}

bool paintPng(QSaveFile &file, const TimelineFigure &figure, const Sizes &s, int dpi, QString *error)
{
    QImage image(s.pixels, QImage::Format_RGB32);
    if (image.isNull()) {
        *error = QStringLiteral("not enough memory for a picture of %1×%2 pixels").arg(s.pixels.width()).arg(s.pixels.height());
        return false;
    }
    image.fill(Qt::white);
    FigureExport::setResolution(image, dpi);
    image.setText(QStringLiteral("Title"), figure.title());
    image.setText(QStringLiteral("Description"), figure.subtitle());
    image.setText(QStringLiteral("Software"), QStringLiteral("Taskscope"));
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::TextAntialiasing, true);
        p.scale(s.scale, s.scale);
        figure.paint(p, s.logical);
    }
    return image.save(&file, "PNG");
}

bool paintSvg(QSaveFile &file, const TimelineFigure &figure, const Sizes &s, int dpi)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(s.pixels);
    svg.setViewBox(QRect(QPoint(0, 0), s.pixels));
    svg.setResolution(dpi);
    svg.setTitle(figure.title());
    svg.setDescription(figure.subtitle());
    QPainter p;
    if (!p.begin(&svg))
        return false;
    p.scale(s.scale, s.scale);
    figure.paint(p, s.logical);
    if (!p.end())
        return false;
    // QSvgGenerator names one font family; a viewer without it would fall back to its default,
    // often a serif. The generic family after it keeps the figure sans-serif everywhere.
    QByteArray data = buffer.data();
    const QByteArray family = "font-family=\"" + TimelineFigure::font(12).family().toUtf8();
    data.replace(family + '"', family + ", sans-serif\"");
    return file.write(data) == data.size();
}

bool paintPdf(QSaveFile &file, const TimelineFigure &figure, const Sizes &s, int dpi)
{
    QPdfWriter pdf(&file);
    FigureExport::setPage(pdf, s.pixels, dpi, figure.title());
    QPainter p;
    if (!p.begin(&pdf))
        return false;
    p.scale(s.scale, s.scale);
    figure.paint(p, s.logical);
    return p.end();
}

} // namespace

void FigureExport::setResolution(QImage &image, int dpi)
{
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
}

void FigureExport::setPage(QPdfWriter &pdf, const QSize &pixels, int dpi, const QString &title)
{
    pdf.setResolution(dpi);
    pdf.setCreator(QStringLiteral("Taskscope"));
    pdf.setTitle(title);
    // Pages exactly the printed size: no margins, no snapping to a paper format.
    const QSizeF inches(pixels.width() / double(dpi), pixels.height() / double(dpi));
    pdf.setPageSize(QPageSize(inches, QPageSize::Inch, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
}

void FigureExport::registerFormats()
{
    if (commandline::exportFormats().contains(QStringLiteral("png")))
        return;
    const auto writer = [](Format format) {
        return [format](const commandline::ExportRequest &r, QString *error) { return write(format, r, error); };
    };
    commandline::registerExportFormat(QStringLiteral("png"), QStringLiteral("the timeline as a PNG picture"), writer(Format::Png));
    commandline::registerExportFormat(QStringLiteral("svg"), QStringLiteral("the timeline as an SVG drawing (text stays text)"),
                                      writer(Format::Svg));
    commandline::registerExportFormat(QStringLiteral("pdf"), QStringLiteral("the timeline as a one-page PDF (vector)"),
                                      writer(Format::Pdf));
}

bool FigureExport::write(Format format, const commandline::ExportRequest &r, QString *error)
{
    if (!r.trace) {
        *error = QStringLiteral("there is no run to draw");
        return false;
    }
    widgets::TimelineModel model;
    model.setTrace(r.trace);
    model.update(r.now);
    const TimelineFigure figure(model, TimelineFigure::Options{r.title, r.rangeBegin, r.rangeEnd});
    const int dpi = r.dpi > 0 ? r.dpi : DefaultDpi;
    Sizes sizes;
    if (!figureSizes(r, figure, dpi, &sizes, error))
        return false;

    QSaveFile file(r.output);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write '%1': %2").arg(r.output, file.errorString());
        return false;
    }
    QString problem;
    bool painted = false;
    switch (format) {
    case Format::Png: painted = paintPng(file, figure, sizes, dpi, &problem); break;
    case Format::Svg: painted = paintSvg(file, figure, sizes, dpi); break;
    case Format::Pdf: painted = paintPdf(file, figure, sizes, dpi); break;
    }
    // Only a whole figure replaces the file: without commit() QSaveFile removes its temporary.
    if (!painted || !file.commit()) {
        const QString why = !problem.isEmpty() ? problem
                          : file.error() != QFileDevice::NoError ? file.errorString()
                                                                  : QStringLiteral("the %1 could not be drawn").arg(formatName(format));
        *error = QStringLiteral("cannot write '%1': %2").arg(r.output, why);
        file.cancelWriting();
        return false;
    }
    return true;
}
