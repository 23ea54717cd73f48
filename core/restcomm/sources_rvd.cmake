# Files of the rvd area: target_sources(restcomm_logic PRIVATE ...) for pure logic, target_sources(restcomm_server PRIVATE ...) for libre I/O.
