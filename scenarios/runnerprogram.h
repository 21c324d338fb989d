#pragma once

#include "scenariodata.h"

#include "engine/reference/runner.h"

#include <memory>

namespace scenarios {

/// The with-block of an `asyncio.runner` root node,
///
///     with asyncio.Runner() as runner:
///         runner.run(call1())
///         runner.run(call2())   # … one run() per child, in document order
///
/// on a scenario's runtime, driven by whoever steps its scheduler (the app, the command line):
/// it never steps the scheduler itself. The constructor starts the first call; the runner's step
/// hook tells the program when a call is over, and the program starts the next one right there,
/// or closes the runner (or, with `close: false`, leaves it unclosed) after the last call or the
/// first one whose error ends the block.
class RunnerProgram
{
public:
    RunnerProgram(engine::Runtime &rt, std::shared_ptr<const Node> node);
    RunnerProgram(const RunnerProgram &) = delete;
    RunnerProgram &operator=(const RunnerProgram &) = delete;

    /// The main task of the call running now, or of the last call that ran.
    engine::TaskId currentTask() const;
    /// The with-block is over: the loop is closed (or was left unclosed and stopped).
    bool finished() const { return m_runner.loopClosed(); }
    const engine::asyncio::Runner &runner() const { return m_runner; }

private:
    /// The runner's listener: a call ended or the loop closed.
    void next();
    /// Does the way `call` came back end the with-block (its error escapes the block)?
    bool endsBlock(const engine::asyncio::RunnerCall &call) const;

    std::shared_ptr<const Node> m_node;
    engine::asyncio::Runner m_runner;
    size_t m_next = 0;
    bool m_close = true;
    bool m_continueOnError = false;
};

} // namespace scenarios
