package io.shipbridge.carrier.seur;

import static io.shipbridge.carrier.StatusCodes.entry;
import static io.shipbridge.carrier.TrackingStatus.CANCELLED;
import static io.shipbridge.carrier.TrackingStatus.DELIVERED;
import static io.shipbridge.carrier.TrackingStatus.DELIVERY_FAILED;
import static io.shipbridge.carrier.TrackingStatus.IN_TRANSIT;
import static io.shipbridge.carrier.TrackingStatus.ON_HOLD;
import static io.shipbridge.carrier.TrackingStatus.OUT_FOR_DELIVERY;
import static io.shipbridge.carrier.TrackingStatus.PENDING;
import static io.shipbridge.carrier.TrackingStatus.READY_FOR_PICKUP;
import static io.shipbridge.carrier.TrackingStatus.RETURN_TO_SENDER;

import io.shipbridge.carrier.StatusCodes;
import java.util.Map;

/**
 * SEUR's situation codes ({@code eventCode}: two letters, three digits) in the common vocabulary. SEUR groups its
 * ~400 codes as EN TRÁNSITO, ENTREGADO, INCIDENCIA, APORTAR SOLUCIÓN, DEVOLUCIÓN EN CURSO, DISPONIBLE PARA RECOGER
 * EN TIENDA and DOCUMENTACIÓN RECTIFICADA (the table its official shop modules ship); the letters do not tell the
 * group, so the codes are listed one by one. Within EN TRÁNSITO, "en reparto" codes are out for delivery; within
 * INCIDENCIA, a failed attempt at the door is a failed delivery, anything else a hold. A code not listed is kept raw
 * as {@code unknown}.
 */
final class SeurStatusCodes {
    static final StatusCodes CODES = StatusCodes.of(Map.ofEntries(
            // EN TRÁNSITO
            Map.entry("SX010", entry(PENDING, "ENVÍO REGISTRADO")),
            Map.entry("SX001", entry(IN_TRANSIT, "RECIBIDO SIE")),
            Map.entry("LS857", entry(IN_TRANSIT, "RECIBIDO DELEGACION DESTINO")),
            Map.entry("LT859", entry(IN_TRANSIT, "TRANSITO")),
            Map.entry("LI441", entry(IN_TRANSIT, "MERCANCÍA EN SEVILLA")),
            Map.entry("LI428", entry(IN_TRANSIT, "MERCANCÍA EN MADRID")),
            Map.entry("LI497", entry(IN_TRANSIT, "MERCANCÍA EN SEUR ESPAÑA")),
            Map.entry("LI515", entry(IN_TRANSIT, "PENDIENTE DE REPARTO EN PLAZA")),
            Map.entry("LI547", entry(IN_TRANSIT, "CONCERTADO PRÓXIMO REPARTO")),
            Map.entry("LI548", entry(IN_TRANSIT, "CONCERTADA ENTREGA CON RMTE.")),
            Map.entry("LI565", entry(IN_TRANSIT, "PENDIENTE CONCERTAR ENTREGA")),
            Map.entry("LI566", entry(IN_TRANSIT, "CONCERTADO SIN GESTIÓN")),
            Map.entry("LI567", entry(IN_TRANSIT, "PDTE. CONCERTACIÓN AUTOMÁTICA")),
            Map.entry("LD841", entry(IN_TRANSIT, "ENTRA EN ADUANA")),
            Map.entry("LD846", entry(IN_TRANSIT, "SALE DE ADUANAS")),
            Map.entry("LC845", entry(IN_TRANSIT, "FINAL DE RETENCION")),
            Map.entry("LD221", entry(ON_HOLD, "RETENIDO ADUANA")),
            Map.entry("LC001", entry(OUT_FOR_DELIVERY, "EN REPARTO CONFIRMADO")),
            Map.entry("LC002", entry(OUT_FOR_DELIVERY, "EN REPARTO CONFIRMADO STR")),
            Map.entry("LC003", entry(OUT_FOR_DELIVERY, "EN REPARTO CONFIRMADO - BULTOS")),
            Map.entry("LC101", entry(OUT_FOR_DELIVERY, "SALIÓ DE REPARTO A UNA ISLA")),
            Map.entry("LC860", entry(OUT_FOR_DELIVERY, "EN REPARTO INTERNACIONAL")),
            Map.entry("LI516", entry(OUT_FOR_DELIVERY, "EXPEDICIÓN PARCIAL EN REPARTO")),
            // ENTREGADO
            Map.entry("LL001", entry(DELIVERED, "ENTREGADO")),
            Map.entry("LL003", entry(DELIVERED, "ENTREGADO POR BULTO")),
            Map.entry("LL020", entry(DELIVERED, "ENTREGADO AL VECINO")),
            Map.entry("LM023", entry(DELIVERED, "ENTREGA SIN VERIFICAR FIRMA")),
            // INCIDENCIA
            Map.entry("LI501", entry(ON_HOLD, "INCIDENCIA EN GESTION SEUR")),
            Map.entry("LI510", entry(ON_HOLD, "FALTAN BULTOS")),
            Map.entry("LI519", entry(ON_HOLD, "EXPEDICIÓN PARCIAL ENTREGADA")),
            Map.entry("LI537", entry(ON_HOLD, "EXPEDICIÓN DETERIORADA")),
            Map.entry("LI520", entry(DELIVERY_FAILED, "DESTINATARIO DESCONOCIDO")),
            Map.entry("LI521", entry(DELIVERY_FAILED, "DOMICILIO DESCONOCIDO")),
            Map.entry("LI522", entry(DELIVERY_FAILED, "AUSENCIA PROLONGADA")),
            Map.entry("LI523", entry(DELIVERY_FAILED, "CERRADO O PRIMERA AUSENCIA")),
            Map.entry("LI524", entry(DELIVERY_FAILED, "CAMBIO DE DOMICILIO")),
            Map.entry("LI526", entry(DELIVERY_FAILED, "ACCESO IMPOSIBLE AL CLIENTE")),
            Map.entry("LI527", entry(DELIVERY_FAILED, "NO CONTESTA TELÉFONO")),
            Map.entry("LI542", entry(DELIVERY_FAILED, "RECHAZO. INDICAN DEVOLUCIÓN")),
            Map.entry("LK522", entry(CANCELLED, "ENVÍO ANULADO")),
            Map.entry("LK523", entry(CANCELLED, "EXPEDICIÓN DUPLICADA")),
            // APORTAR SOLUCIÓN
            Map.entry("LI532", entry(ON_HOLD, "NO HAY PERSONA DE CONTACTO")),
            Map.entry("LI540", entry(ON_HOLD, "AVISARÁN")),
            Map.entry("LI717", entry(ON_HOLD, "FALTA FACTURA")),
            Map.entry("LI721", entry(ON_HOLD, "FALTA NIF/CIF DEL REMITENTE")),
            Map.entry("II721", entry(ON_HOLD, "FALTA NIF/CIF DEL REMITENTE")),
            Map.entry("LI725", entry(ON_HOLD, "FALTA BULTO Y FACTURA")),
            Map.entry("LI864", entry(ON_HOLD, "ESPERANDO PAGO DE IMPUESTOS")),
            // DEVOLUCIÓN EN CURSO
            Map.entry("II701", entry(RETURN_TO_SENDER, "DEVOLUCIÓN EN CURSO")),
            Map.entry("LI543", entry(RETURN_TO_SENDER, "PDTE REPARTO DEVOLUCIÓN MASIVA")),
            Map.entry("LI571", entry(RETURN_TO_SENDER, "DEVOLVER. DEST. RECHAZA PUDO")),
            Map.entry("LI572", entry(RETURN_TO_SENDER, "DEVOLVER. PLAZO CUMPLIDO PUDO")),
            Map.entry("LL300", entry(RETURN_TO_SENDER, "LIQUIDADO DEVUELTO")),
            Map.entry("LL833", entry(RETURN_TO_SENDER, "DEVOLVER A ORIGEN")),
            // DISPONIBLE PARA RECOGER EN TIENDA
            Map.entry("LI530", entry(READY_FOR_PICKUP, "RECEPCIONADO EN PUNTO")),
            Map.entry("LI569", entry(READY_FOR_PICKUP, "DEPOSITADO REPARTIDOR PICK UP")),
            Map.entry("LI574", entry(READY_FOR_PICKUP, "RECEPCIONADO EN PICK UP")),
            Map.entry("LI578", entry(READY_FOR_PICKUP, "RECEPCIONADO EN LOCKER")),
            Map.entry("LL010", entry(READY_FOR_PICKUP, "ENTREGADO EN PUNTO")),
            Map.entry("LL030", entry(READY_FOR_PICKUP, "ENTREGADO EN LOCKER")),
            // DOCUMENTACIÓN RECTIFICADA
            Map.entry("LK512", entry(IN_TRANSIT, "ERROR EN PESO")),
            Map.entry("LK517", entry(IN_TRANSIT, "ANULADO CAMBIO DESTINATARIO"))));

    private SeurStatusCodes() {
    }
}
