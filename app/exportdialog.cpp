#include "exportdialog.h"

#include "exportrequest.h"

#include "widgets/timelinefigure.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

using widgets::TimelineFigure;

// What the dialog knows of each format: one row, so that the file suffix, the label and whether
// the figure options apply cannot drift apart.
struct FormatInfo
{
    const char *format;
    const char *suffix;
    const char *label;   // translated where shown
    bool figure;         // size and resolution apply
};

constexpr FormatInfo Formats[] = {
    {"png", "png", QT_TRANSLATE_NOOP("ExportDialog", "PNG picture"), true},
    {"svg", "svg", QT_TRANSLATE_NOOP("ExportDialog", "SVG drawing"), true},
    {"pdf", "pdf", QT_TRANSLATE_NOOP("ExportDialog", "PDF document"), true},
    {"perfetto", "json", QT_TRANSLATE_NOOP("ExportDialog", "Perfetto / Chrome trace"), false},
    {"trace", "json", QT_TRANSLATE_NOOP("ExportDialog", "Taskscope trace"), false},
    {"markdown", "md", QT_TRANSLATE_NOOP("ExportDialog", "Markdown narrative"), false},
    {"lesson-pdf", "pdf", QT_TRANSLATE_NOOP("ExportDialog", "Lesson, a page per step"), true},
    {"lesson-png", "png", QT_TRANSLATE_NOOP("ExportDialog", "Lesson, a picture per step"), true},
};

const FormatInfo *infoOf(const QString &format)
{
    for (const FormatInfo &f : Formats)
        if (format == QLatin1String(f.format))
            return &f;
    return nullptr;
}

// A format the dialog does not know yet (a newly registered one) is its own suffix and label.
QString suffixOf(const QString &format)
{
    const FormatInfo *info = infoOf(format);
    return info ? QLatin1String(info->suffix) : format;
}

QString describe(const QString &format)
{
    const FormatInfo *info = infoOf(format);
    return info ? QCoreApplication::translate("ExportDialog", info->label) : format;
}

} // namespace

bool ExportDialog::isFigure(const QString &format)
{
    const FormatInfo *info = infoOf(format);
    return info && info->figure;
}

ExportDialog::ExportDialog(const Context &context, QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export"));

    for (const QString &f : context.formats) {
        m_format->addItem(QStringLiteral("%1 (.%2)").arg(describe(f), suffixOf(f)), f);
        m_format->setItemData(m_format->count() - 1, commandline::exportFormatSummary(f), Qt::ToolTipRole);
    }
    m_format->setToolTip(tr("Figures (PNG, SVG, PDF) draw the timeline; the trace formats hold every event"));
    const int preselect = m_format->findData(context.format.isEmpty() ? QStringLiteral("png") : context.format);
    m_format->setCurrentIndex(std::max(0, preselect));

    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setToolTip(tr("Choose the file to write"));
    m_path->setToolTip(tr("The file to write: it is written whole or not at all"));
    m_path->setMinimumWidth(m_path->fontMetrics().averageCharWidth() * 48);   // room for a real path
    m_lastSuffix = suffixOf(m_format->currentData().toString());
    m_path->setText(QDir(context.directory).filePath(context.baseName + QLatin1Char('.') + m_lastSuffix));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *stateBox = new QGroupBox(tr("State"), this);
    m_atPlayhead = new QRadioButton(tr("At the playhead (t = %1)").arg(TimelineFigure::timeText(context.playhead)), stateBox);
    m_atPlayhead->setToolTip(tr("The run as it stands now: tasks that have not ended are drawn open"));
    m_atEnd = new QRadioButton(context.runEnd ? tr("At the end of the run (t = %1)").arg(TimelineFigure::timeText(*context.runEnd))
                                              : tr("At the end of the run"),
                               stateBox);
    m_atEnd->setToolTip(tr("Runs the scenario to its end first; the window's run stays where it is"));
    m_atEnd->setEnabled(context.runEnd.has_value());
    m_atPlayhead->setChecked(true);
    auto *stateLayout = new QVBoxLayout(stateBox);
    stateLayout->addWidget(m_atPlayhead);
    stateLayout->addWidget(m_atEnd);

    m_rangeBox = new QGroupBox(tr("Time shown"), this);
    m_wholeRun = new QRadioButton(tr("The whole run"), m_rangeBox);
    m_wholeRun->setToolTip(tr("From t = 0 to the end of what the state shows"));
    m_visible = new QRadioButton(tr("The visible range (%1 – %2)")
                                     .arg(TimelineFigure::timeText(context.visibleFrom), TimelineFigure::timeText(context.visibleTo)),
                                 m_rangeBox);
    m_visible->setToolTip(tr("Only the times the timeline shows now, as zoomed and scrolled"));
    m_wholeRun->setChecked(true);
    auto *rangeLayout = new QVBoxLayout(m_rangeBox);
    rangeLayout->addWidget(m_wholeRun);
    rangeLayout->addWidget(m_visible);

    m_figureBox = new QGroupBox(tr("Figure"), this);
    m_width = new QSpinBox(m_figureBox);
    m_width->setRange(16, 32767);
    m_width->setValue(TimelineFigure::DefaultWidth);
    m_width->setSuffix(tr(" px"));
    m_width->setToolTip(tr("The picture's width in pixels"));
    m_height = new QSpinBox(m_figureBox);
    m_height->setRange(0, 32767);
    m_height->setSpecialValueText(tr("fit the lanes"));
    m_height->setSuffix(tr(" px"));
    m_height->setToolTip(tr("The picture's height in pixels; \"fit the lanes\" makes it as tall as every lane needs"));
    m_dpi = new QSpinBox(m_figureBox);
    m_dpi->setRange(30, 2400);
    m_dpi->setValue(96);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setToolTip(tr("Dots per inch: the printed size is the size divided by this. The drawing scales with it,\n"
                         "so text prints at the same size: 192 dpi at twice the pixels is the same figure, twice as sharp."));
    auto *figureLayout = new QFormLayout(m_figureBox);
    figureLayout->addRow(tr("Width:"), m_width);
    figureLayout->addRow(tr("Height:"), m_height);
    figureLayout->addRow(tr("Resolution:"), m_dpi);

    QPushButton *ok = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    ok->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), pathRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(stateBox);
    layout->addWidget(m_rangeBox);
    layout->addWidget(m_figureBox);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const QFileInfo target(m_path->text());
        if (target.exists()
            && QMessageBox::question(this, tr("Export"), tr("%1 exists already. Replace it?").arg(target.fileName()))
                   != QMessageBox::Yes)
            return;
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    formatChanged();
}

void ExportDialog::formatChanged()
{
    const QString format = m_format->currentData().toString();
    const bool figure = isFigure(format);
    m_figureBox->setEnabled(figure);
    m_rangeBox->setEnabled(figure);
    // Follow the format with the file's suffix, unless the user named the file otherwise.
    const QString suffix = suffixOf(format);
    QString path = m_path->text();
    if (!m_lastSuffix.isEmpty() && path.endsWith(QLatin1Char('.') + m_lastSuffix)) {
        path.chop(m_lastSuffix.size());
        m_path->setText(path + suffix);
    }
    m_lastSuffix = suffix;
    updateButtons();
}

void ExportDialog::browse()
{
    const QString suffix = suffixOf(m_format->currentData().toString());
    const QString filter = tr("%1 (*.%2)").arg(m_format->currentText(), suffix);
    // The file dialog asks before replacing a file; the form must not ask again.
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text(), filter);
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::updateButtons()
{
    for (QAbstractButton *b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(!m_path->text().trimmed().isEmpty() && m_format->count() > 0);
}

ExportDialog::Choice ExportDialog::choice() const
{
    Choice c;
    c.format = m_format->currentData().toString();
    c.path = m_path->text().trimmed();
    c.visibleRange = m_visible->isChecked();
    c.atEnd = m_atEnd->isChecked();
    c.size = QSize(m_width->value(), m_height->value());
    c.dpi = m_dpi->value();
    return c;
}

void ExportDialog::setChoice(const Choice &c)
{
    // The path first: a new format then gives it its suffix, as when the user picks one.
    m_path->setText(c.path);
    m_format->setCurrentIndex(std::max(0, m_format->findData(c.format)));
    (c.visibleRange ? m_visible : m_wholeRun)->setChecked(true);
    (c.atEnd && m_atEnd->isEnabled() ? m_atEnd : m_atPlayhead)->setChecked(true);
    m_width->setValue(c.size.width());
    m_height->setValue(c.size.height());
    m_dpi->setValue(c.dpi);
}
