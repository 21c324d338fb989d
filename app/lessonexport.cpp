#include "lessonexport.h"

#include "figureexport.h"

#include "scenarios/traceplayer.h"
#include "widgets/eventnarrator.h"
#include "widgets/timelinefigure.h"
#include "widgets/timelinemodel.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <cmath>
#include <functional>

namespace {

using widgets::TimelineFigure;

constexpr int CaptionMargin = 24;

// The events a lesson walks through: up to the playhead, within the range.
std::vector<engine::EventId> lessonSteps(const commandline::ExportRequest &r)
{
    std::vector<engine::EventId> steps;
    const auto &events = r.trace->events();
    for (size_t i = 0; i < events.size(); ++i) {
        const engine::Tick t = events[i].time;
        if (t > r.now)
            break;
        if ((r.rangeBegin && t < *r.rangeBegin) || (r.rangeEnd && t > *r.rangeEnd))
            continue;
        steps.push_back(engine::EventId(i));
    }
    return steps;
}

// A page's size on the device: logical pixels (1/96 inch) at `dpi`.
QSize pixelsOf(const QSize &logical, int dpi)
{
    const double scale = dpi / 96.0;
    return QSize(int(std::ceil(logical.width() * scale)), int(std::ceil(logical.height() * scale)));
}

// The caption of one page.
struct Page
{
    QString heading;    ///< "Step k of n · t = …"
    QString sentence;   ///< the narrative's sentence for the step's event
};

class LessonPainter
{
public:
    LessonPainter(const commandline::ExportRequest &r, std::vector<engine::EventId> steps)
        : m_request(r)
        , m_steps(std::move(steps))
        // The player only reads the trace while the lesson is painted: borrowed, not owned.
        , m_player(std::shared_ptr<const engine::Trace>(r.trace, [](const engine::Trace *) {}), r.now)
        , m_heading(TimelineFigure::font(16, true))
        , m_text(TimelineFigure::font(16))
    {
    }

    int count() const { return int(m_steps.size()); }

    Page page(int index) const
    {
        const engine::EventId event = m_steps[size_t(index)];
        return Page{QStringLiteral("Step %1 of %2 · t = %3").arg(index + 1).arg(count()).arg(TimelineFigure::timeText(m_request.trace->at(event).time)),
                    widgets::EventNarrator::text(*m_request.trace, event)};
    }

    // The page size for `width`: tasks only ever appear, so the last step has the tallest figure;
    // the tallest caption may be any step's.
    int pageHeight(int width)
    {
        show(count() - 1);
        int caption = 0;
        for (int i = 0; i < count(); ++i)
            caption = std::max(caption, captionHeight(i, width));
        return TimelineFigure(m_model, options()).naturalHeight(width) + caption;
    }

    // Paints step `index` into a page of `size` (logical pixels): the figure at its natural
    // height, the caption right under it.
    void paint(QPainter &p, int index, const QSize &size)
    {
        show(index);
        p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        const TimelineFigure figure(m_model, options());
        const int top = figure.naturalHeight(size.width());
        p.save();
        figure.paint(p, QSize(size.width(), top));
        p.restore();
        const Page page = this->page(index);
        p.fillRect(QRect(0, top, size.width(), 1), QColor(0xCC, 0xCC, 0xCC));
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.setFont(m_heading);
        const int headingHeight = QFontMetrics(m_heading).height();
        p.drawText(QRect(CaptionMargin, top + CaptionMargin, size.width() - 2 * CaptionMargin, headingHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, page.heading);
        p.setFont(m_text);
        p.drawText(QRect(CaptionMargin, top + CaptionMargin + headingHeight + 8, size.width() - 2 * CaptionMargin,
                         size.height() - top - CaptionMargin - headingHeight - 8),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, page.sentence);
    }

private:
    int captionHeight(int index, int width) const
    {
        const Page p = page(index);
        const QRect room(0, 0, width - 2 * CaptionMargin, 100000);
        const int heading = QFontMetrics(m_heading).height();
        const int text = QFontMetrics(m_text).boundingRect(room, Qt::TextWordWrap, p.sentence).height();
        return CaptionMargin + heading + 8 + text + CaptionMargin;
    }

    TimelineFigure::Options options() const
    {
        // One time axis for every page (the whole lesson's), so that the pages line up.
        const engine::Tick from = m_request.rangeBegin.value_or(0);
        const engine::Tick to = std::max(m_request.rangeEnd.value_or(m_request.now), from + 1);
        return TimelineFigure::Options{m_request.title, from, to};
    }

    // The model as it stood right after step `index`'s event.
    void show(int index)
    {
        const engine::EventId event = m_steps[size_t(index)];
        m_player.seek(size_t(event) + 1);
        if (m_model.trace() != &m_player.trace())
            m_model.setTrace(&m_player.trace());
        m_model.update(m_player.trace().at(event).time);
    }

    const commandline::ExportRequest &m_request;
    std::vector<engine::EventId> m_steps;
    scenarios::TracePlayer m_player;
    widgets::TimelineModel m_model;
    QFont m_heading;
    QFont m_text;
};

bool writePdf(LessonPainter &lesson, const QString &output, const QSize &logical, int dpi, const QString &title, QString *error)
{
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write '%1': %2").arg(output, file.errorString());
        return false;
    }
    const double scale = dpi / 96.0;
    bool painted = false;
    {
        QPdfWriter pdf(&file);
        FigureExport::setPage(pdf, pixelsOf(logical, dpi), dpi, title);
        QPainter p;
        if (p.begin(&pdf)) {
            for (int i = 0; i < lesson.count(); ++i) {
                if (i > 0)
                    pdf.newPage();
                p.save();
                p.scale(scale, scale);
                lesson.paint(p, i, logical);
                p.restore();
            }
            painted = p.end();
        }
    }
    if (!painted || !file.commit()) {
        *error = QStringLiteral("cannot write '%1': %2")
                     .arg(output, file.error() != QFileDevice::NoError ? file.errorString() : QStringLiteral("the PDF could not be drawn"));
        file.cancelWriting();
        return false;
    }
    return true;
}

bool writePngSeries(LessonPainter &lesson, const QString &output, const QSize &logical, int dpi, QString *wrote, QString *error)
{
    const double scale = dpi / 96.0;
    const QSize pixels = pixelsOf(logical, dpi);
    QStringList written;
    auto fail = [&](const QString &why) {
        // No partial lesson: the pictures already written go too.
        for (const QString &path : written)
            QFile::remove(path);
        *error = why;
        return false;
    };
    for (int i = 0; i < lesson.count(); ++i) {
        const QString path = LessonExport::seriesPath(output, i + 1, lesson.count());
        QImage image(pixels, QImage::Format_RGB32);
        if (image.isNull())
            return fail(QStringLiteral("not enough memory for a picture of %1×%2 pixels").arg(pixels.width()).arg(pixels.height()));
        FigureExport::setResolution(image, dpi);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::TextAntialiasing, true);
            p.scale(scale, scale);
            lesson.paint(p, i, logical);
        }
        image.setText(QStringLiteral("Description"), lesson.page(i).heading + QStringLiteral(": ") + lesson.page(i).sentence);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write '%1': %2").arg(path, file.errorString()));
        if (!image.save(&file, "PNG") || !file.commit()) {
            const QString why = file.errorString();
            file.cancelWriting();
            return fail(QStringLiteral("cannot write '%1': %2").arg(path, why));
        }
        written << path;
    }
    if (wrote)
        *wrote = written.size() == 1 ? written.front() : QStringLiteral("%1 … %2 (%3 pictures)").arg(written.front(), written.back()).arg(written.size());
    return true;
}

} // namespace

void LessonExport::registerFormats()
{
    if (commandline::exportFormats().contains(QStringLiteral("lesson-pdf")))
        return;
    commandline::registerExportFormat(QStringLiteral("lesson-pdf"),
                                      QStringLiteral("a lesson: one page per step, the timeline with the narrative's sentence under it"),
                                      [](const commandline::ExportRequest &r, QString *error) { return write(Format::Pdf, r, error); });
    commandline::registerExportFormat(QStringLiteral("lesson-png"),
                                      QStringLiteral("a lesson as pictures OUT-001.png, OUT-002.png …: one per step, with its sentence"),
                                      [](const commandline::ExportRequest &r, QString *error) { return write(Format::PngSeries, r, error); });
}

QString LessonExport::seriesPath(const QString &output, int index, int count)
{
    QString base = output;
    if (base.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        base.chop(4);
    const int digits = std::max(3, int(QString::number(count).size()));
    return QStringLiteral("%1-%2.png").arg(base).arg(index, digits, 10, QLatin1Char('0'));
}

bool LessonExport::write(Format format, const commandline::ExportRequest &r, QString *error)
{
    if (!r.trace) {
        *error = QStringLiteral("there is no run to draw");
        return false;
    }
    std::vector<engine::EventId> steps = lessonSteps(r);
    if (steps.empty()) {
        *error = QStringLiteral("the lesson has no steps: nothing happened in the time chosen");
        return false;
    }
    if (int(steps.size()) > MaxSteps) {
        *error = QStringLiteral("a lesson of %1 steps is too long (at most %2): choose a part of the run with --range or --at")
                     .arg(steps.size())
                     .arg(MaxSteps);
        return false;
    }
    const int dpi = r.dpi > 0 ? r.dpi : FigureExport::DefaultDpi;
    const double scale = dpi / 96.0;
    LessonPainter lesson(r, std::move(steps));
    const int width = r.size.width() > 0 ? int(std::ceil(r.size.width() / scale)) : TimelineFigure::DefaultWidth;
    if (width < TimelineFigure::MinWidth) {
        *error = QStringLiteral("a lesson %1 pixels wide at %2 dpi is too narrow: it needs at least %3 pixels")
                     .arg(r.size.width())
                     .arg(dpi)
                     .arg(int(std::ceil(TimelineFigure::MinWidth * scale)));
        return false;
    }
    // Every page as large as the largest: the figure grows as tasks appear, the caption follows it.
    int height = lesson.pageHeight(width);
    if (r.size.height() > 0)
        height = std::max(height, int(std::ceil(r.size.height() / scale)));
    const QSize logical(width, height);
    const QSize pixels = pixelsOf(logical, dpi);
    if (pixels.width() > FigureExport::MaxPixels || pixels.height() > FigureExport::MaxPixels) {
        *error = QStringLiteral("a lesson page of %1×%2 pixels is too large: at most %3 pixels each way")
                     .arg(pixels.width())
                     .arg(pixels.height())
                     .arg(FigureExport::MaxPixels);
        return false;
    }
    return format == Format::Pdf ? writePdf(lesson, r.output, logical, dpi, r.title, error)
                                 : writePngSeries(lesson, r.output, logical, dpi, r.written, error);
}
