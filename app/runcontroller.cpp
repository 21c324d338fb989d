#include "runcontroller.h"

#include "scenarios/scenariorun.h"

#include <exception>

RunController::RunController(QObject *parent)
    : QObject(parent)
{
    connect(&m_driver, &engine::ClockDriver::advanced, this, &RunController::runChanged);
    connect(&m_driver, &engine::ClockDriver::finished, this, &RunController::runChanged);
    connect(&m_driver, &engine::ClockDriver::playingChanged, this, [this](bool playing) {
        emit playingChanged(playing);
        emit runChanged();
    });
}

// The driver must stop before the scheduler it points into goes away.
RunController::~RunController()
{
    m_driver.setScheduler(nullptr);
}

void RunController::load(const scenarios::Scenario &scenario)
{
    m_scenario = scenario;
    reset();
}

void RunController::reset()
{
    if (!m_scenario)
        return;
    std::unique_ptr<scenarios::ScenarioRun> fresh;
    try {
        fresh = std::make_unique<scenarios::ScenarioRun>(*m_scenario);
    } catch (const std::exception &e) {
        emit runFailed(tr("Could not start the scenario: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        emit runFailed(tr("Could not start the scenario."));
    }
    replaceRun(std::move(fresh));
}

void RunController::replaceRun(std::unique_ptr<scenarios::ScenarioRun> run)
{
    m_driver.setScheduler(run ? &run->scheduler() : nullptr);
    // Keep the old run alive until every view has let go of it.
    std::unique_ptr<scenarios::ScenarioRun> old = std::exchange(m_run, std::move(run));
    emit runReplaced();
    emit runChanged();
    old.reset();
}

engine::Tick RunController::now() const
{
    return m_run ? m_run->runtime().now() : 0;
}

bool RunController::finished() const
{
    return m_run && m_run->finished();
}

bool RunController::idle() const
{
    return !m_run || m_run->runtime().scheduler().idle();
}

quint64 RunController::steps() const
{
    return m_run ? m_run->runtime().scheduler().steps() : 0;
}

void RunController::stepEvent()
{
    if (!m_run || idle())
        return;
    m_run->scheduler().step();
    emit runChanged();
}

void RunController::stepInstant()
{
    if (!m_run || idle())
        return;
    // With nothing ready at this instant, "step instant" moves to the next instant and runs all
    // of it; otherwise a press that does nothing would look broken.
    if (!m_run->scheduler().hasReady())
        m_run->scheduler().step();
    m_run->scheduler().runInstant();
    emit runChanged();
}

void RunController::runToEnd()
{
    if (!m_run || idle())
        return;
    pause();
    m_run->scheduler().runUntilIdle(MaxSteps);
    emit runChanged();
}

void RunController::play()
{
    if (!m_run || idle())
        return;
    m_driver.play();
}

void RunController::pause()
{
    m_driver.pause();
}

void RunController::togglePlay()
{
    if (playing())
        pause();
    else
        play();
}
