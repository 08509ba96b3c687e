import DoctorChecks

extension ConnectionProbes {
    /// The real resolver, dialer, TLS prober and libmongoc.
    static var live: ConnectionProbes {
        ConnectionProbes(resolver: SystemResolver(), dialer: SocketDialer(), tlsProber: OpenSSLTLSProber(), server: LibmongocServerProbe())
    }
}
