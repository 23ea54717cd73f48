# Store area: number matching, the persistent store, the call registry, the REST API and
# config import/export. Pure logic (tst_store and the REST/config tests write files in a
# temporary directory only; no sockets).
foreach(store_test tst_numbers tst_store tst_call_registry tst_rest_api tst_config_document)
    referphone_add_qtest(NAME ${store_test} LABEL unit
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${store_test}.cpp LIBS restcomm_logic TIMEOUT 60)
endforeach()
