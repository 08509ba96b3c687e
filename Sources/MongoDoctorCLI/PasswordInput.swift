import DoctorRun
import Foundation

/// Reads a secret on standard input (`uri --encode-password`, `--password-stdin`, `--token-stdin`):
/// the whole input without one trailing line break (what `echo` or the Enter key adds). On a
/// terminal the typing is not echoed and a prompt goes to standard error. The secret is never part
/// of an error message.
enum PasswordInput {
    /// The secret, or a `RunError` that does not quote it; `what` names it in the prompt and errors.
    static func read(_ what: String = "password") throws -> String {
        let terminal = isatty(STDIN_FILENO) == 1
        let data: Data
        if terminal {
            // Echo goes off before the prompt shows: whatever is typed once the prompt is visible stays hidden.
            data = withEchoOff {
                FileHandle.standardError.write(Data("\(what.prefix(1).uppercased() + what.dropFirst()) (not echoed): ".utf8))
                return Data((readLine(strippingNewline: false) ?? "").utf8)
            }
            FileHandle.standardError.write(Data("\n".utf8))
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw RunError("the \(what) on standard input is not valid UTF-8")
        }
        // "\r\n" is one Character in Swift: one removeLast drops either form.
        if text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// Runs `body` with the terminal's echo switched off, restoring it afterwards.
    private static func withEchoOff<T>(_ body: () -> T) -> T {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return body() }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        return body()
    }
}
