# SIP area (lead): registrar bindings (pure), libre SIP stack, digest auth, registrar, B2BUA,
# the server that ties every area together.
target_sources(restcomm_logic PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/registrations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/refer_to.cpp)
target_sources(restcomm_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sip_stack.cpp
    ${CMAKE_CURRENT_LIST_DIR}/digest_auth.cpp
    ${CMAKE_CURRENT_LIST_DIR}/registrar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/re_timer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/call_leg.cpp
    ${CMAKE_CURRENT_LIST_DIR}/call_session.cpp
    ${CMAKE_CURRENT_LIST_DIR}/call_transfer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/refer_notifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/server.cpp)
