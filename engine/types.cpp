#include "types.h"

namespace engine {

bool isFinal(TaskState s)
{
    return s == TaskState::Completed || s == TaskState::Failed || s == TaskState::Cancelled;
}

const char *toString(TaskState s)
{
    switch (s) {
    case TaskState::Created: return "created";
    case TaskState::Running: return "running";
    case TaskState::Suspended: return "suspended";
    case TaskState::Completed: return "completed";
    case TaskState::Failed: return "failed";
    case TaskState::Cancelled: return "cancelled";
    }
    return "?";
}

const char *toString(WaitReason r)
{
    switch (r) {
    case WaitReason::None: return "none";
    case WaitReason::Sleep: return "sleep";
    case WaitReason::Yield: return "yield";
    case WaitReason::Join: return "join";
    case WaitReason::Children: return "children";
    case WaitReason::Event: return "event";
    case WaitReason::Semaphore: return "semaphore";
    case WaitReason::QueuePut: return "queue put";
    case WaitReason::QueueGet: return "queue get";
    case WaitReason::StreamPull: return "stream pull";
    case WaitReason::StartGate: return "start";
    }
    return "?";
}

const char *toString(ScopeKind k)
{
    switch (k) {
    case ScopeKind::Cancel: return "cancel scope";
    case ScopeKind::Nursery: return "nursery";
    case ScopeKind::Helper: return "helper";
    case ScopeKind::Timeout: return "timeout";
    }
    return "?";
}

} // namespace engine
