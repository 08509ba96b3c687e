public import Foundation

/// Real Lucia SQLite files for the migration tests, written by Python's `sqlite3` (what better-sqlite3
/// writes is the same file format): every table layout, every hash format, and the bad rows a
/// migration must report.
///
/// Users: `u1` Alice (extra columns of every type; v2: key `username:alice` with an `s2:` hash, OAuth key
/// `github:42`, a key id without provider), `u2` (v2: only the key `email:bob@example.com` with a legacy
/// two-part hash; v3: username bob, an `s2:` hash), `u3` ALICE (a case-insensitive duplicate), and with
/// `badRows` a NULL id and a BLOB id. v3 keeps the hash in `password_hash`: Lucia v3's `Scrypt` format for u1.
/// Sessions: one each for u1 and u2, one with a REAL expiry (u1), one for a user who does not exist, an
/// expired one, one whose expiry is text, one for u3, and with `badRows` a BLOB id. The password of
/// every hash is `password`.
public enum LuciaSQLiteFixture {
    /// The table layouts.
    public enum Layout: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Lucia v2's docs: `user`, `user_key`, `user_session` (milliseconds).
        case v2
        /// Lucia v1's defaults, never renamed: `auth_user`, `auth_key` (with v1's `primary_key`, `expires`), `auth_session`.
        case v1 = "v1-auth"
        /// Lucia v2 data under the v3 upgrade guide's names: `user`, `key`, `session` with `idle_expires`.
        case v2Guide = "v2-guide"
        /// Lucia v3: `user` (username, password_hash), `session` (`expires_at` in seconds).
        case v3

        public var description: String { rawValue }
        /// Whether the layout has keys (Lucia v1/v2).
        public var hasKeys: Bool { self != .v3 }
    }

    /// The password behind every hash.
    public static let password = "password123"
    /// Lucia v2's `s2:` scrypt (r = 16) of the password (lucia-schemas.md §1.6).
    public static let s2Hash = "s2:q0kz7c2x9m4b1n8v:1c1c255593c55d6653c32fdcb9d99f36cf7b8380be85a741f7e58723b240ab851aa7cff42074b60575082dad868997ecffd492936e58932eb30d29c3f99e3488"
    /// The legacy two-part scrypt (r = 8).
    public static let legacyHash = "q0kz7c2x9m4b1n8v:33c9bbdde8a4b9bb53145d2b90ee0c5c1da491bc99ae2fcc17da172a869b5625399a946422125190d642717267888f8c4384a80e7eca8c04103fb3376dd0f6a0"
    /// Lucia v3's `Scrypt` (32-hex salt used as text, r = 16).
    public static let v3ScryptHash = "00112233445566778899aabbccddeeff:73122e887cfc14f91396cdef78dfe4b9dec28d459037601c4904cedba5a637ab97b39b40c236df5d42881d0109ca8cf0f85e39dbaba2911c190915bd8f30fe85"
    /// The session ids (40 characters, as Lucia v2 and v3.0 make them).
    public static let sessionU1 = "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd"
    public static let sessionU2 = "eeeeeeeeeeffffffffffgggggggggghhhhhhhhhh"
    public static let sessionReal = "iiiiiiiiiijjjjjjjjjjkkkkkkkkkkllllllllll"
    public static let sessionGhost = "mmmmmmmmmmnnnnnnnnnnoooooooooopppppppppp"
    public static let sessionExpired = "qqqqqqqqqqrrrrrrrrrrsssssssssstttttttttt"
    public static let sessionBadExpiry = "uuuuuuuuuuvvvvvvvvvvwwwwwwwwwwxxxxxxxxxx"
    public static let sessionU3 = "yyyyyyyyyyzzzzzzzzzz00000000001111111111"

    /// The table names of `layout`: user, session, key.
    public static func tables(_ layout: Layout) -> (user: String, session: String, key: String?) {
        switch layout {
        case .v2: ("user", "user_session", "user_key")
        case .v1: ("auth_user", "auth_session", "auth_key")
        case .v2Guide: ("user", "session", "key")
        case .v3: ("user", "session", nil)
        }
    }

    /// Writes the fixture at `path`; expiries are relative to `now`.
    public static func make(at path: String, layout: Layout, badRows: Bool = true, now: Date = Date()) throws {
        let t = tables(layout)
        try TestPython.run(script, [path, layout.rawValue, t.user, t.session, t.key ?? "", badRows ? "1" : "0",
                                    String(Int64(now.timeIntervalSince1970 * 1000)), s2Hash, legacyHash, v3ScryptHash,
                                    sessionU1, sessionU2, sessionReal, sessionGhost, sessionExpired, sessionBadExpiry, sessionU3])
    }

    /// Writes a large Lucia v2 file (`user`, `user_key`, `user_session`): `users` users `user000001`…, each
    /// with a password key, and `sessions` sessions spread over them, every one valid for 15 days.
    public static func makeLarge(at path: String, users: Int, sessions: Int, now: Date = Date()) throws {
        try TestPython.run(largeScript, [path, String(users), String(sessions), String(Int64(now.timeIntervalSince1970 * 1000)), s2Hash])
    }

    static let script = #"""
import sqlite3, sys
(path, layout, tu, ts, tk, bad, now, s2, legacy, v3hash, s_u1, s_u2, s_real, s_ghost, s_exp, s_badexp, s_u3) = sys.argv[1:18]
now = int(now); bad = bad == "1"; v3 = layout == "v3"
db = sqlite3.connect(path)
notnull = "" if bad else " NOT NULL"
if v3:
    db.execute(f'CREATE TABLE "{tu}" (id TEXT{notnull} PRIMARY KEY, username TEXT, password_hash TEXT, age INTEGER, score REAL, avatar BLOB, note TEXT)')
    db.execute(f'CREATE TABLE "{ts}" (id TEXT{notnull} PRIMARY KEY, expires_at INTEGER NOT NULL, user_id TEXT NOT NULL, ip TEXT)')
else:
    db.execute(f'CREATE TABLE "{tu}" (id TEXT{notnull} PRIMARY KEY, username TEXT, age INTEGER, score REAL, avatar BLOB, note TEXT)')
    extra = ", primary_key INTEGER, expires INTEGER" if layout == "v1-auth" else ""
    db.execute(f'CREATE TABLE "{tk}" (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, hashed_password TEXT{extra})')
    db.execute(f'CREATE TABLE "{ts}" (id TEXT{notnull} PRIMARY KEY, user_id TEXT NOT NULL, active_expires INTEGER NOT NULL, idle_expires INTEGER NOT NULL, ip TEXT)')
def user(id, name, hash=None, age=None, score=None, avatar=None, note=None):
    if v3: db.execute(f'INSERT INTO "{tu}" VALUES (?,?,?,?,?,?,?)', (id, name, hash, age, score, avatar, note))
    else: db.execute(f'INSERT INTO "{tu}" VALUES (?,?,?,?,?,?)', (id, name, age, score, avatar, note))
user("u1", "Alice", v3hash, 30, 1.5, b"\x01\x02", None)
user("u2", "bob" if v3 else None, s2 if v3 else None)
user("u3", "ALICE", s2)
if bad:
    user(None, "nobody", s2)
    user(b"\x01", "blobby", s2)
if not v3:
    def key(id, uid, h):
        if layout == "v1-auth": db.execute(f'INSERT INTO "{tk}" VALUES (?,?,?,1,NULL)', (id, uid, h))
        else: db.execute(f'INSERT INTO "{tk}" VALUES (?,?,?)', (id, uid, h))
    key("username:alice", "u1", s2)
    key("github:42", "u1", None)
    key("email:bob@example.com", "u2", legacy)
    key("username:alice-again", "u3", s2)
    if bad:
        key("github:7", "ghost", None)
        key("nocolon", "u1", None)
day = 86400000
def session(id, uid, ms, ip=None):
    if v3:
        value = ms // 1000 if isinstance(ms, int) else (ms / 1000 if isinstance(ms, float) else ms)
        db.execute(f'INSERT INTO "{ts}" VALUES (?,?,?,?)', (id, value, uid, ip))
    else:
        db.execute(f'INSERT INTO "{ts}" VALUES (?,?,?,?,?)', (id, uid, now, ms, ip))
session(s_u1, "u1", now + 15 * day, "1.2.3.4")
session(s_u2, "u2", now + 10 * day)
session(s_real, "u1", float(now + 5 * day) + 0.75)
session(s_ghost, "ghost", now + day)
session(s_exp, "u1", now - 60000)
session(s_badexp, "u1", "soon")
session(s_u3, "u3", now + day)
if bad:
    session(b"\x02", "u1", now + day)
db.commit()
db.close()
"""#

    static let largeScript = #"""
import sqlite3, sys
path, users, sessions, now, s2 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
db = sqlite3.connect(path)
db.executescript('''
CREATE TABLE user (id TEXT NOT NULL PRIMARY KEY, username TEXT NOT NULL, created INTEGER);
CREATE TABLE user_key (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, hashed_password TEXT);
CREATE TABLE user_session (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, active_expires INTEGER NOT NULL, idle_expires INTEGER NOT NULL);
''')
db.executemany("INSERT INTO user VALUES (?,?,?)", ((f"user{i:06d}", f"name{i:06d}", i) for i in range(1, users + 1)))
db.executemany("INSERT INTO user_key VALUES (?,?,?)", ((f"username:name{i:06d}", f"user{i:06d}", s2) for i in range(1, users + 1)))
day = 86400000
db.executemany("INSERT INTO user_session VALUES (?,?,?,?)",
    ((f"s{j:039d}", f"user{(j % users) + 1:06d}", now + day, now + 15 * day + j) for j in range(sessions)))
db.commit()
db.close()
"""#
}
