// The format's documentation keeps up with the helper table: every node key and every option a
// scenario may use is documented in scenarios/README.md.

#include "scenarios/helperspec.h"

#include <QFile>
#include <QtTest>

using namespace scenarios;

class TestFormatReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QFile readme(QStringLiteral(TASKSCOPE_FORMAT_README));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        m_text = QString::fromUtf8(readme.readAll());
    }

    void everyHelperNodeIsDocumented()
    {
        QStringList missing;
        for (const HelperSpec &spec : helperSpecs())
            if (!m_text.contains(QLatin1Char('`') + spec.name + QLatin1Char('`')))
                missing << spec.name;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("undocumented nodes: ") + missing.join(QStringLiteral(", "))));
    }

    void everyOptionIsDocumentedInItsLibrarysSection()
    {
        // A library's section runs from its first node key to the next section of the file
        // (options shared by several nodes, "as for execute_concurrently", are documented once).
        QStringList missing;
        const qsizetype end = m_text.indexOf(QStringLiteral("\n## "), m_text.indexOf(QStringLiteral("## Helper reference")) + 1);
        for (const HelperSpec &spec : helperSpecs()) {
            const qsizetype section = m_text.indexOf(QLatin1Char('`') + spec.library + QLatin1Char('.'));
            for (const OptionSpec &option : spec.options) {
                const qsizetype at = section < 0 ? -1 : m_text.indexOf(QLatin1Char('`') + option.key, section);
                if (at < 0 || at > end)
                    missing << spec.name + QLatin1Char('.') + option.key;
                // A map option's settings are documented in the same section.
                for (const OptionSpec &field : option.fields) {
                    const qsizetype fieldAt = section < 0 ? -1 : m_text.indexOf(QLatin1Char('`') + field.key, section);
                    if (fieldAt < 0 || fieldAt > end)
                        missing << spec.name + QLatin1Char('.') + option.key + QLatin1Char('.') + field.key;
                }
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("undocumented options: ") + missing.join(QStringLiteral(", "))));
    }

private:
    QString m_text;
};

QTEST_GUILESS_MAIN(TestFormatReference)
#include "tst_formatreference.moc"
