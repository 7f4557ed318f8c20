/*
 * Node-API addon: decodes a 1- or 3-component JPEG with the system's libjpeg(-turbo) straight into a
 * caller-provided buffer, with Pillow's settings (RGB or gray output, accurate integer IDCT, fancy
 * upsampling), so the pixels are the ones CleanVision measures.
 *
 * decodeInto(jpeg: Uint8Array, out: Uint8Array, width, height, channels, maxMemory): undefined
 *
 * The caller has read the header already and sized `out` for width x height x channels. Failures
 * throw an Error whose `code` says what kind ("corrupt", "truncated", "too_large") and whose message
 * is libjpeg's. libjpeg reports fatal errors by calling error_exit, which must not return: it jumps
 * back to decode_into with longjmp. The libjpeg state it then frees lives in the caller's frame, so
 * no local of the function that called setjmp is changed between setjmp and longjmp (those would be
 * indeterminate afterwards).
 */
#include <limits.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>
#include <node_api.h>

/* Rows handed to jpeg_read_scanlines at once (libjpeg returns at most its row group per call). */
#define ROWS_PER_READ 16

/* Each scan costs a pass over every coefficient, so a small file with thousands of scans would decode
 * for minutes; @sc/properties' header check refuses them too (MAX_SCANS), this guards direct callers. */
#define MAX_SCANS 256

typedef struct {
  struct jpeg_error_mgr pub;
  jmp_buf escape;
  const char *kind;
  /* Set once every row is out: running out of data after that is accepted, as Pillow does. */
  int rows_done;
  char message[JMSG_LENGTH_MAX + 64];
} failure_mgr;

typedef struct {
  struct jpeg_decompress_struct cinfo;
  failure_mgr err;
  struct jpeg_progress_mgr progress;
} decoder_state;

static void fail_with(j_common_ptr cinfo, const char *kind, const char *message) {
  failure_mgr *err = (failure_mgr *)cinfo->err;
  snprintf(err->message, sizeof err->message, "%s", message);
  err->kind = kind;
  longjmp(err->escape, 1);
}

/* `format` places libjpeg's message (one %s) in the one thrown. */
static void fail(j_common_ptr cinfo, const char *kind, const char *format) {
  char libjpeg_message[JMSG_LENGTH_MAX];
  char message[JMSG_LENGTH_MAX + 64];
  (*cinfo->err->format_message)(cinfo, libjpeg_message);
  snprintf(message, sizeof message, format, libjpeg_message);
  fail_with(cinfo, kind, message);
}

static void on_progress(j_common_ptr cinfo) {
  if (((j_decompress_ptr)cinfo)->input_scan_number > MAX_SCANS) {
    fail_with(cinfo, "corrupt", "more than 256 scans");
  }
}

/* Memory errors come from the max_memory_to_use cap (or a real allocation failure) and the size
 * error from a side over libjpeg's 65500: the file is too large, not broken. */
static void on_error_exit(j_common_ptr cinfo) {
  int code = cinfo->err->msg_code;
  if (code == JERR_OUT_OF_MEMORY || code == JERR_NO_BACKING_STORE) {
    fail(cinfo, "too_large", "needs more memory than the limit leaves libjpeg (%s)");
  }
  fail(cinfo, code == JERR_IMAGE_TOO_BIG ? "too_large" : "corrupt", "%s");
}

/*
 * Warnings (msg_level -1) are corrupt-data notes libjpeg recovers from, such as extraneous bytes
 * before a marker or a scan cut short by a marker; they are accepted as Pillow and sharp's failOn
 * "error" accept them. Running out of data before the last row is the exception: libjpeg would pad
 * the image with gray, Pillow refuses it as truncated. Trace messages (msg_level >= 0) are dropped,
 * so nothing is printed to stderr.
 */
static void on_message(j_common_ptr cinfo, int msg_level) {
  if (msg_level >= 0) return;
  if (cinfo->err->msg_code == JWRN_JPEG_EOF && !((failure_mgr *)cinfo->err)->rows_done) {
    fail(cinfo, "truncated", "%s");
  }
  cinfo->err->num_warnings++;
}

static napi_value throw_kind(napi_env env, const char *kind, const char *message) {
  napi_throw_error(env, kind, message);
  return NULL;
}

static int read_bytes(napi_env env, napi_value value, uint8_t **data, size_t *length) {
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  void *raw;
  if (napi_get_typedarray_info(env, value, &type, length, &raw, &buffer, &offset) != napi_ok) return 0;
  *data = raw;
  return type == napi_uint8_array;
}

static int read_number(napi_env env, napi_value value, double *out) {
  return napi_get_value_double(env, value, out) == napi_ok;
}

static const char *decode_into(decoder_state *state, const uint8_t *jpeg, size_t jpeg_length, uint8_t *out,
                               JDIMENSION width, JDIMENSION height, int channels, long max_memory) {
  j_decompress_ptr cinfo = &state->cinfo;
  failure_mgr *err = &state->err;
  /* A failure inside jpeg_create_decompress must find no stale pointers for jpeg_destroy to free. */
  memset(state, 0, sizeof *state);
  cinfo->err = jpeg_std_error(&err->pub);
  err->pub.error_exit = on_error_exit;
  err->pub.emit_message = on_message;
  if (setjmp(err->escape)) {
    jpeg_destroy_decompress(cinfo);
    return err->kind;
  }
  jpeg_create_decompress(cinfo);
  state->progress.progress_monitor = on_progress;
  cinfo->progress = &state->progress;
  cinfo->mem->max_memory_to_use = max_memory;
  jpeg_mem_src(cinfo, jpeg, (unsigned long)jpeg_length);
  jpeg_read_header(cinfo, TRUE);
  cinfo->out_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  cinfo->dct_method = JDCT_ISLOW;
  cinfo->do_fancy_upsampling = TRUE;
  jpeg_start_decompress(cinfo);
  if (cinfo->output_width != width || cinfo->output_height != height || cinfo->output_components != channels) {
    snprintf(err->message, sizeof err->message, "header says %ux%ux%d, libjpeg decodes %ux%ux%d", width,
             height, channels, cinfo->output_width, cinfo->output_height, cinfo->output_components);
    jpeg_destroy_decompress(cinfo);
    return "corrupt";
  }
  size_t stride = (size_t)width * (size_t)channels;
  JSAMPROW rows[ROWS_PER_READ];
  while (cinfo->output_scanline < height) {
    JDIMENSION first = cinfo->output_scanline;
    JDIMENSION count = height - first < ROWS_PER_READ ? height - first : ROWS_PER_READ;
    for (JDIMENSION i = 0; i < count; i++) rows[i] = out + (size_t)(first + i) * stride;
    /* Cannot happen with an in-memory source (it never suspends), but would otherwise spin forever. */
    if (jpeg_read_scanlines(cinfo, rows, count) == 0) fail_with((j_common_ptr)cinfo, "corrupt", "no rows decoded");
  }
  err->rows_done = 1;
  jpeg_finish_decompress(cinfo);
  jpeg_destroy_decompress(cinfo);
  return NULL;
}

static napi_value decode_into_js(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 6) {
    return throw_kind(env, "ERR_INVALID_ARG", "decodeInto takes 6 arguments");
  }
  uint8_t *jpeg, *out;
  size_t jpeg_length, out_length;
  double width, height, channels, max_memory;
  if (!read_bytes(env, argv[0], &jpeg, &jpeg_length) || !read_bytes(env, argv[1], &out, &out_length) ||
      !read_number(env, argv[2], &width) || !read_number(env, argv[3], &height) ||
      !read_number(env, argv[4], &channels) || !read_number(env, argv[5], &max_memory)) {
    return throw_kind(env, "ERR_INVALID_ARG", "decodeInto(Uint8Array, Uint8Array, number x 4)");
  }
  /* Sides up to 65535 (the frame header's limit) pass: libjpeg refuses those over 65500 itself.
   * Written as !(in range) so that NaN fails too. */
  if (!(width >= 1 && width <= 65535) || !(height >= 1 && height <= 65535) || (channels != 1 && channels != 3) ||
      !(max_memory >= 0) || jpeg_length == 0 ||
      out_length != (size_t)width * (size_t)height * (size_t)channels) {
    return throw_kind(env, "ERR_INVALID_ARG", "decodeInto: bad size, channel count, memory cap or output length");
  }
  /* libjpeg reads 0 as "no limit"; an unbounded budget (Infinity) becomes the largest long. */
  long cap = max_memory >= (double)LONG_MAX ? LONG_MAX : max_memory < 1 ? 1 : (long)max_memory;
  decoder_state state;
  const char *kind =
      decode_into(&state, jpeg, jpeg_length, out, (JDIMENSION)width, (JDIMENSION)height, (int)channels, cap);
  return kind ? throw_kind(env, kind, state.err.message) : NULL;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "decodeInto", NAPI_AUTO_LENGTH, decode_into_js, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "decodeInto", fn) != napi_ok) return NULL;
  return exports;
}
