#include "apptheme.h"

#include <QApplication>

namespace {

QPalette make(QColor window, QColor base, QColor alternate, QColor text, QColor mid, QColor highlight,
              QColor placeholder)
{
    QPalette p;
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = group == QPalette::Disabled;
        const QColor fg = off ? mid : text;
        p.setColor(group, QPalette::Window, window);
        p.setColor(group, QPalette::WindowText, fg);
        p.setColor(group, QPalette::Base, base);
        p.setColor(group, QPalette::AlternateBase, alternate);
        p.setColor(group, QPalette::Text, fg);
        p.setColor(group, QPalette::Button, window);
        p.setColor(group, QPalette::ButtonText, fg);
        p.setColor(group, QPalette::ToolTipBase, base);
        p.setColor(group, QPalette::ToolTipText, text);
        p.setColor(group, QPalette::Highlight, highlight);
        p.setColor(group, QPalette::HighlightedText, QColor(Qt::white));
        p.setColor(group, QPalette::PlaceholderText, placeholder);
        p.setColor(group, QPalette::Mid, mid);
        p.setColor(group, QPalette::Midlight, alternate);
        p.setColor(group, QPalette::Dark, mid.darker(130));
        p.setColor(group, QPalette::Light, base.lighter(110));
        p.setColor(group, QPalette::Shadow, QColor(0, 0, 0));
        p.setColor(group, QPalette::Link, highlight);
        p.setColor(group, QPalette::BrightText, QColor(Qt::white));
    }
    return p;
}

} // namespace

QPalette AppTheme::light()
{
    return make(QColor(0xEF, 0xF0, 0xF1), QColor(0xFF, 0xFF, 0xFF), QColor(0xF5, 0xF6, 0xF7),
                QColor(0x23, 0x26, 0x29), QColor(0xA0, 0xA4, 0xA8), QColor(0x30, 0x8C, 0xC6),
                QColor(0x70, 0x74, 0x78));
}

QPalette AppTheme::dark()
{
    return make(QColor(0x2A, 0x2E, 0x32), QColor(0x1E, 0x21, 0x24), QColor(0x26, 0x29, 0x2D),
                QColor(0xE8, 0xEA, 0xEC), QColor(0x60, 0x66, 0x6C), QColor(0x3D, 0xAE, 0xE9),
                QColor(0x9A, 0xA0, 0xA6));
}

QPalette AppTheme::highContrast()
{
    // Pure black on white, a saturated selection and no greys lighter than mid: a projector at
    // the back of a classroom loses everything subtle.
    return make(QColor(0xFF, 0xFF, 0xFF), QColor(0xFF, 0xFF, 0xFF), QColor(0xF0, 0xF0, 0xF0),
                QColor(0x00, 0x00, 0x00), QColor(0x50, 0x50, 0x50), QColor(0x00, 0x4C, 0xC0),
                QColor(0x30, 0x30, 0x30));
}

void AppTheme::apply(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Theme::System:
        // An empty palette resolves every role against the platform's: the desktop decides.
        QApplication::setPalette(QPalette());
        break;
    case AppSettings::Theme::Light: QApplication::setPalette(light()); break;
    case AppSettings::Theme::Dark: QApplication::setPalette(dark()); break;
    }
}

bool AppTheme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}
