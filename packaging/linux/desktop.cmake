# The desktop entry (menu item, sip:/sips:/tel: URL handler, a "Transfer Lab" action) and the
# icon, installed where freedesktop.org desktops look for them.
set(referphone_desktop_dir ${CMAKE_SOURCE_DIR}/resources/desktop)
install(FILES ${referphone_desktop_dir}/referphone.desktop DESTINATION share/applications)
install(FILES ${referphone_desktop_dir}/referphone.svg
    DESTINATION share/icons/hicolor/scalable/apps)
install(FILES ${referphone_desktop_dir}/referphone-256.png
    DESTINATION share/icons/hicolor/256x256/apps RENAME referphone.png)
