#pragma once

#include "exportrequest.h"

#include <QSize>
#include <QString>

class QImage;
class QPdfWriter;

/// The figure formats of `taskscope export` and File ▸ Export: the timeline (widgets::TimelineFigure)
/// as PNG, SVG or PDF, each written through a QSaveFile, so that a failure leaves no partial file.
///
/// Size and resolution: the request's size is the picture in pixels (a width alone, or nothing,
/// takes the height that fits every lane; the default width is 1600 pixels at 96 dpi). The dpi
/// (default 96) sets the printed size, size / dpi inches (PNG metadata, the SVG's width and
/// height, the PDF page), and the drawing scales with it, so text prints at the same size: at
/// 192 dpi a figure has half the room of one at 96 dpi in the same pixels, drawn twice as fine.
class FigureExport
{
public:
    enum class Format { Png, Svg, Pdf };

    static constexpr int DefaultDpi = 96;
    /// Neither side of a figure goes past this many pixels (a natural height is cut to fit).
    static constexpr int MaxPixels = 32767;

    /// Adds png, svg and pdf to the formats of `taskscope export` (once; later calls do nothing).
    static void registerFormats();
    /// Writes the figure of `request` to request.output; false with a sentence in `error`.
    static bool write(Format format, const commandline::ExportRequest &request, QString *error);

    /// What every PNG figure (and lesson picture) carries: `dpi` as its resolution.
    static void setResolution(QImage &image, int dpi);
    /// A PDF whose pages are exactly `pixels` at `dpi` (no margins, no paper format), for figures
    /// and lessons alike.
    static void setPage(QPdfWriter &pdf, const QSize &pixels, int dpi, const QString &title);
};
