import BlockingWork
import CResolv
import DoctorCore
import Foundation
import MongoBridge

/// The real resolver: `getaddrinfo` for addresses, libresolv queries for SRV and TXT.
///
/// Blocking calls run on `BlockingExecutor`. `nameserver` sends SRV/TXT queries to one IPv4
/// server and port instead of the system's (tests point it at a loopback responder).
public struct LiveResolver: HostResolver {
    /// An explicit DNS server for SRV/TXT queries, or `nil` for the system's.
    public var nameserver: (ip: String, port: Int)?

    /// Creates a resolver.
    public init(nameserver: (ip: String, port: Int)? = nil) { self.nameserver = nameserver }

    public func addresses(of host: String, timeout: Duration) async throws(DNSFailure) -> [ResolvedAddress] {
        switch await BlockingExecutor.dedicatedThread({ Self.getaddrinfo(host) }) {
        case .success(let addresses): return addresses
        case .failure(let failure): throw failure
        }
    }

    public func srvRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [SRVRecord] {
        let answer = try await query(name, type: 33, timeout: timeout)
        guard let records = DNSAnswerParser.srvRecords(in: answer) else { throw .other("malformed SRV answer") }
        guard !records.isEmpty else { throw .noData }
        return records
    }

    public func txtRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [String] {
        let answer = try await query(name, type: 16, timeout: timeout)
        guard let records = DNSAnswerParser.txtRecords(in: answer) else { throw .other("malformed TXT answer") }
        return records
    }

    private func query(_ name: String, type: Int32, timeout: Duration) async throws(DNSFailure) -> [UInt8] {
        let server = nameserver
        let seconds = Int32(max(1, timeout.milliseconds / 1000))
        let result = await BlockingExecutor.dedicatedThread { () -> Result<[UInt8], DNSFailure> in
            var buffer = [UInt8](repeating: 0, count: 8192)
            var herrno: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer { buf in
                if let server {
                    md_dns_query(name, type, buf.baseAddress, Int32(buf.count), server.ip, Int32(server.port), seconds, &herrno)
                } else {
                    md_dns_query(name, type, buf.baseAddress, Int32(buf.count), nil, 0, seconds, &herrno)
                }
            }
            guard length >= 0 else { return .failure(Self.failure(herrno: herrno)) }
            return .success(Array(buffer.prefix(Int(length))))
        }
        switch result {
        case .success(let bytes): return bytes
        case .failure(let failure): throw failure
        }
    }

    static func failure(herrno: Int32) -> DNSFailure {
        switch herrno {
        case 1: .notFound  // HOST_NOT_FOUND
        case 2: .temporary("a temporary error occurred on an authoritative name server")  // TRY_AGAIN
        case 4: .noData  // NO_DATA
        default: .other("a nonrecoverable name server error occurred")
        }
    }

    static func getaddrinfo(_ host: String) -> Result<[ResolvedAddress], DNSFailure> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = Glibc.getaddrinfo(host, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }  // getaddrinfo's list: freed here
        guard status == 0 else {
            switch status {
            case EAI_NONAME: return .failure(.notFound)
            case -5: return .failure(.noData)  // glibc EAI_NODATA, a GNU extension Swift does not import
            case EAI_AGAIN: return .failure(.temporary(String(cString: gai_strerror(status))))
            default: return .failure(.other(String(cString: gai_strerror(status))))
            }
        }
        var seen: [ResolvedAddress] = []
        var node = list
        while let current = node {
            if let address = numericAddress(current.pointee.ai_addr), !seen.contains(address) { seen.append(address) }
            node = current.pointee.ai_next
        }
        return seen.isEmpty ? .failure(.noData) : .success(seen)
    }

    static func numericAddress(_ sockaddr: UnsafeMutablePointer<sockaddr>?) -> ResolvedAddress? {
        guard let sockaddr else { return nil }
        var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let length = socklen_t(sockaddr.pointee.sa_family == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
        guard getnameinfo(sockaddr, length, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 else { return nil }
        let ip = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return ResolvedAddress(ip: ip, family: sockaddr.pointee.sa_family == AF_INET6 ? .ipv6 : .ipv4)
    }
}
