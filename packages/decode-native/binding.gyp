{
  "targets": [
    {
      "target_name": "sc_libjpeg",
      "sources": ["native/libjpeg_decode.c"],
      "libraries": ["-ljpeg"],
      "cflags": ["-Wall", "-Wextra", "-Wno-unused-parameter"]
    }
  ]
}
