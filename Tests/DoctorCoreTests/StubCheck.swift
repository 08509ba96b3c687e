import DoctorCore
import Foundation

/// A check with a scripted outcome, for testing the runner and renderers.
struct StubCheck: DoctorCheck {
    enum Behaviour: Sendable {
        case outcome(CheckOutcome)
        case fails(String)
        case sleeps(Duration)
    }

    let id: CheckID
    let title: String
    let prerequisites: [CheckID]
    let behaviour: Behaviour

    init(_ id: CheckID, after prerequisites: [CheckID] = [], _ behaviour: Behaviour) {
        self.id = id
        self.title = "Stub \(id)"
        self.prerequisites = prerequisites
        self.behaviour = behaviour
    }

    struct Boom: Error, CustomStringConvertible {
        let description: String
    }

    func run(in context: CheckContext) async throws -> CheckOutcome {
        switch behaviour {
        case .outcome(let outcome): return outcome
        case .fails(let message): throw Boom(description: message)
        case .sleeps(let duration):
            try await Task.sleep(for: duration)
            return CheckOutcome(detail: "slept")
        }
    }
}

extension CheckOutcome {
    static func with(_ severity: Severity, id: FindingID = "x.finding") -> CheckOutcome {
        CheckOutcome(detail: "found \(id)", findings: [Finding(id: id, severity: severity, title: "title of \(id)")])
    }
}
