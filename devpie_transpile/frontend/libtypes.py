"""Names of TypeScript's ambient library types (lib.es*.d.ts, lib.dom.d.ts).

A contract that uses one (`Map`, `Promise`, `RTCIceCandidate`) is told it is a
library type, not a missing declaration of its own: these describe runtime
objects with no JSON shape to generate.
"""

from __future__ import annotations

import re

ES = frozenset(
    """
    Object Function CallableFunction NewableFunction String Boolean Number Symbol BigInt
    Math JSON Error EvalError RangeError ReferenceError SyntaxError TypeError URIError
    AggregateError RegExp RegExpMatchArray RegExpExecArray Map ReadonlyMap WeakMap Set
    ReadonlySet WeakSet WeakRef FinalizationRegistry Promise PromiseLike Awaited
    PromiseConstructor PromiseSettledResult PromiseFulfilledResult PromiseRejectedResult
    ArrayBuffer SharedArrayBuffer ArrayBufferLike ArrayBufferView DataView Int8Array
    Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array
    Float32Array Float64Array BigInt64Array BigUint64Array Iterable Iterator
    IterableIterator IteratorResult IteratorYieldResult IteratorReturnResult
    AsyncIterable AsyncIterator AsyncIterableIterator Generator AsyncGenerator
    GeneratorFunction AsyncGeneratorFunction ArrayLike TemplateStringsArray
    PropertyKey PropertyDescriptor PropertyDescriptorMap ThisType ThisParameterType
    OmitThisParameter Parameters ConstructorParameters ReturnType InstanceType
    Uppercase Lowercase Capitalize Uncapitalize NoInfer Intl Reflect ProxyHandler
    Proxy Atomics ClassDecorator PropertyDecorator MethodDecorator ParameterDecorator
    TypedPropertyDescriptor Disposable AsyncDisposable DisposableStack
    AsyncDisposableStack SuppressedError IArguments
    """.split()
)

DOM = frozenset(
    """
    Window Document DocumentFragment Node NodeList Element Text Comment Attr Event
    EventTarget EventListener EventListenerObject CustomEvent MessageEvent ErrorEvent
    CloseEvent ProgressEvent UIEvent MouseEvent KeyboardEvent PointerEvent TouchEvent
    FocusEvent InputEvent WheelEvent DragEvent ClipboardEvent StorageEvent Blob File
    FileList FileReader FormData Headers Request Response RequestInit ResponseInit
    BodyInit HeadersInit URL URLSearchParams AbortController AbortSignal
    ReadableStream WritableStream TransformStream ReadableStreamDefaultReader
    TextEncoder TextDecoder WebSocket Worker SharedWorker ServiceWorker MessagePort
    MessageChannel BroadcastChannel Storage Location History Navigator Screen
    Performance PerformanceEntry Crypto CryptoKey SubtleCrypto DOMException DOMRect
    DOMParser XMLHttpRequest XMLDocument MutationObserver ResizeObserver
    IntersectionObserver Notification Geolocation GeolocationPosition Image
    ImageData ImageBitmap OffscreenCanvas CanvasRenderingContext2D Path2D
    Selection Range ShadowRoot CustomElementRegistry EventSource Console
    MediaStream MediaStreamTrack MediaRecorder MediaSource AudioContext AudioBuffer
    AudioNode VideoFrame Gamepad Clipboard ClipboardItem BufferSource
    AllowSharedBufferSource Transferable StructuredSerializeOptions NodeJS Buffer
    """.split()
)

# Families of DOM names (HTMLElement, SVGPathElement, RTCIceCandidate, ...).
_DOM_FAMILY = re.compile(
    r"^(?:HTML|SVG|RTC|CSS|IDB|WebGL|GPU|XR|Speech|Media|Audio|Video|WebTransport|"
    r"Payment|Credential|PublicKeyCredential|Push|Bluetooth|USB|Serial|HID|Midi|MIDI|"
    r"Fetch|Cache|Clipboard|Document|Shadow|Mutation|Intersection|Resize|Performance|"
    r"Readable|Writable|Transform|DOM|XPath|XSLT|Animation|Keyframe|Font|Text|Touch|"
    r"Pointer|Gamepad|Screen|Notification|Permission|Storage|Service|Worker|Wake|Lock)"
    r"[A-Z0-9]\w*$"
)


def library_type(name: str) -> str | None:
    """ "ECMAScript" or "DOM" when `name` is one of TypeScript's library types."""
    if name in ES:
        return "ECMAScript"
    if name in DOM or _DOM_FAMILY.match(name):
        return "DOM"
    return None
