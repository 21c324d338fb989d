#pragma once

#include "appsettings.h"

#include <QPalette>

/// The window's palettes. "System" leaves the platform's palette (light or dark, as the desktop
/// says) in charge; the fixed light and dark ones are for screens whose desktop has no dark mode
/// and for exported figures; high contrast is presentation mode's (projectors wash colours out).
class AppTheme
{
public:
    static QPalette light();
    static QPalette dark();
    static QPalette highContrast();
    /// Applies `theme` to the whole application (every widget repaints with it).
    static void apply(AppSettings::Theme theme);
    /// True when `palette` is a dark one (its window is darker than its text).
    static bool isDark(const QPalette &palette);
};
