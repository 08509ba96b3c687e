import Foundation
import Setup
import Testing

/// The env file hand-over: one line replaced or added, every other byte kept.
@Suite struct EnvFileEditTests {
    static let uri = "mongodb://app:s3cr%40t@127.0.0.1:27017/auth"

    func text(_ edit: EnvFileEdit) -> String? {
        guard case .write(let data, _) = edit else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [
        ("PORT=3000\n", "PORT=3000\nMONGODB_URI=\(uri)\n"),
        ("PORT=3000", "PORT=3000\nMONGODB_URI=\(uri)\n"),
        ("# comment\r\nPORT=3000\r\n", "# comment\r\nPORT=3000\r\nMONGODB_URI=\(uri)\r\n"),
        ("# comment\r\nPORT=3000", "# comment\r\nPORT=3000\r\nMONGODB_URI=\(uri)\r\n"),
        ("", "MONGODB_URI=\(uri)\n"),
        ("A=1\nMONGODB_URI=\nB=2\n", "A=1\nMONGODB_URI=\(uri)\nB=2\n"),
        ("A=1\nexport MONGODB_URI=\"\"\nB=2", "A=1\nexport MONGODB_URI=\"\(uri)\"\nB=2"),
        ("A=1\r\n  MONGODB_URI = 'x'\r\nB=2\r\n", "A=1\r\n  MONGODB_URI = '\(uri)'\r\nB=2\r\n"),
        ("MONGODB_URI_OLD=x\n", "MONGODB_URI_OLD=x\nMONGODB_URI=\(uri)\n"),
    ])
    func addsOrFillsTheLineAndKeepsEveryOtherByte(existing: String, expected: String) {
        let edit = EnvFileEdit.edit(Data(existing.utf8), value: Self.uri, replaceDifferent: existing.contains("'x'"))
        #expect(text(edit) == expected)
    }

    @Test func aMissingFileIsCreated() {
        #expect(EnvFileEdit.edit(nil, value: Self.uri, replaceDifferent: false) == .write(Data("MONGODB_URI=\(Self.uri)\n".utf8), .created))
    }

    @Test func theSameValueIsUnchangedWhateverItsQuotes() {
        for line in ["MONGODB_URI=\(Self.uri)", "export MONGODB_URI=\"\(Self.uri)\"", "MONGODB_URI='\(Self.uri)' "] {
            #expect(EnvFileEdit.edit(Data("A=1\n\(line)\n".utf8), value: Self.uri, replaceDifferent: false) == .unchanged, "\(line)")
        }
    }

    @Test func aDifferentValueIsAConflictUnlessReplacingIsAllowed() {
        let existing = Data("A=1\nMONGODB_URI=mongodb://old/db # old one\nZ=\u{FF}raw\n".utf8) + Data([0xFF, 0x0A])
        #expect(EnvFileEdit.edit(existing, value: Self.uri, replaceDifferent: false) == .conflict)
        guard case .write(let data, .replaced) = EnvFileEdit.edit(existing, value: Self.uri, replaceDifferent: true) else {
            Issue.record("not replaced")
            return
        }
        var expected = Data("A=1\nMONGODB_URI=\(Self.uri)\nZ=\u{FF}raw\n".utf8)
        expected.append(contentsOf: [0xFF, 0x0A])
        #expect(data == expected)
    }

    @Test func theLastAssignmentIsTheOneReplaced() {
        let existing = "MONGODB_URI=mongodb://first/\nMONGODB_URI=mongodb://second/\n"
        let edit = EnvFileEdit.edit(Data(existing.utf8), value: Self.uri, replaceDifferent: true)
        #expect(text(edit) == "MONGODB_URI=mongodb://first/\nMONGODB_URI=\(Self.uri)\n")
    }
}
